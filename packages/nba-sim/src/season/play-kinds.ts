/** Shot and turnover types with the real feed's subType spelling ("Pullup Jump shot", sic) and weights. */
export interface ShotKind {
  readonly subType: string;
  readonly text: string;
  readonly min: number;
  readonly max: number;
  readonly weight: number;
}

export const TWOS: readonly ShotKind[] = [
  { subType: 'Driving Layup Shot', text: 'Driving Layup', min: 0, max: 3, weight: 3 },
  { subType: 'Cutting Layup Shot', text: 'Cutting Layup Shot', min: 0, max: 3, weight: 1 },
  { subType: 'Dunk Shot', text: 'Dunk', min: 0, max: 1, weight: 1.2 },
  { subType: 'Alley Oop Dunk Shot', text: 'Alley Oop Dunk', min: 0, max: 2, weight: 0.5 },
  { subType: 'Jump Shot', text: 'Jump Shot', min: 10, max: 22, weight: 2 },
  { subType: 'Pullup Jump shot', text: 'Pullup Jump Shot', min: 8, max: 21, weight: 1.5 },
  { subType: 'Floating Jump shot', text: 'Floating Jump Shot', min: 5, max: 14, weight: 1 },
  { subType: 'Turnaround Hook Shot', text: 'Turnaround Hook Shot', min: 3, max: 9, weight: 0.7 },
];
export const THREES: readonly ShotKind[] = [
  { subType: 'Jump Shot', text: '3PT Jump Shot', min: 23, max: 28, weight: 4 },
  { subType: 'Pullup Jump shot', text: '3PT Pullup Jump Shot', min: 24, max: 29, weight: 1.5 },
  { subType: 'Step Back Jump shot', text: '3PT Step Back Jump Shot', min: 24, max: 28, weight: 1 },
];
export const PUTBACKS: readonly ShotKind[] = [
  { subType: 'Putback Layup Shot', text: 'Putback Layup', min: 0, max: 3, weight: 2 },
  { subType: 'Tip Layup Shot', text: 'Tip Layup Shot', min: 0, max: 2, weight: 1 },
];
export const TURNOVERS = [
  { subType: 'Bad Pass', steal: 0.7, weight: 5 },
  { subType: 'Lost Ball', steal: 0.85, weight: 3 },
  { subType: 'Traveling', steal: 0, weight: 1.5 },
  { subType: 'Step Out of Bounds', steal: 0, weight: 0.7 },
];
