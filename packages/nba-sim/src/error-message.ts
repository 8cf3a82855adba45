/**
 * The message of anything thrown: an Error's own, or the value as text. Pure. The product has
 * its own (`@repo/shared/log`): the simulator shares no code with it (.dependency-cruiser.cjs).
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
