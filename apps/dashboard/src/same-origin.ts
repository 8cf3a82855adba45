/**
 * The rule for requests that change something (any method but GET, HEAD and OPTIONS): they
 * must come from the dashboard's own pages and carry JSON. A cross-site page can send a form
 * (`text/plain`, `application/x-www-form-urlencoded`, `multipart/form-data`) or a bodiless POST
 * without asking; the browser names that page in `Origin`, and `Content-Type: application/json`
 * cannot be sent cross-site without a CORS preflight, which the dashboard never answers.
 */
export interface ChangeRequest {
  readonly method: string;
  /** The `Host` header (already checked by host-check.ts). */
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly secFetchSite: string | undefined;
  readonly contentType: string | undefined;
  /** True when the request has a body (`Content-Length` above 0, or `Transfer-Encoding`). */
  readonly hasBody: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for a method that never changes anything here. */
export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

/** `host` as the URL of `protocol` spells it (default port dropped), or undefined. */
function hostAs(protocol: string, host: string): string | undefined {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return undefined;
  }
}

function originRefusal(request: ChangeRequest): string | undefined {
  if (request.origin === undefined) {
    if (request.secFetchSite === 'same-origin') return undefined;
    return "a change needs an Origin header naming this dashboard (browsers send one; from a script, send Origin: http://<the dashboard's host>)";
  }
  let origin: URL | undefined;
  try {
    origin = new URL(request.origin);
  } catch {
    origin = undefined;
  }
  const sameHost =
    origin !== undefined &&
    (origin.protocol === 'http:' || origin.protocol === 'https:') &&
    request.host !== undefined &&
    hostAs(origin.protocol, request.host) === origin.host;
  if (sameHost) return undefined;
  return `cross-site request refused: Origin ${JSON.stringify(request.origin)} is not this dashboard`;
}

function contentTypeRefusal(request: ChangeRequest): string | undefined {
  const media = request.contentType?.split(';')[0]?.trim().toLowerCase();
  if (media === 'application/json') return undefined;
  // bull-board's own buttons send PUTs without a body or a type (its retry, pause, promote);
  // browsers never send PUT or PATCH cross-site without a preflight, so only POST needs one.
  const bodiless = !request.hasBody && (media === undefined || media === '');
  if (bodiless && request.method.toUpperCase() !== 'POST') return undefined;
  return `a change needs Content-Type: application/json (got ${request.contentType === undefined ? 'none' : JSON.stringify(request.contentType)})`;
}

/** Why a changing request is refused, or undefined when it may go on. */
export function changeRefusal(request: ChangeRequest): string | undefined {
  if (isSafeMethod(request.method)) return undefined;
  return originRefusal(request) ?? contentTypeRefusal(request);
}
