export type Conference = 'East' | 'West';

export interface Team {
  readonly teamId: number;
  readonly tricode: string;
  readonly city: string;
  readonly name: string;
  readonly slug: string;
  readonly conference: Conference;
}

const team = (
  id: number,
  tricode: string,
  city: string,
  name: string,
  conference: Conference,
  slug = name.toLowerCase(),
): Team => ({ teamId: 1610612700 + id, tricode, city, name, slug, conference });

/** The 30 franchises with their real stats.nba.com ids (REFERENCE §5.2), in team-id order. */
export const TEAMS: readonly Team[] = [
  team(37, 'ATL', 'Atlanta', 'Hawks', 'East'),
  team(38, 'BOS', 'Boston', 'Celtics', 'East'),
  team(39, 'CLE', 'Cleveland', 'Cavaliers', 'East'),
  team(40, 'NOP', 'New Orleans', 'Pelicans', 'West'),
  team(41, 'CHI', 'Chicago', 'Bulls', 'East'),
  team(42, 'DAL', 'Dallas', 'Mavericks', 'West'),
  team(43, 'DEN', 'Denver', 'Nuggets', 'West'),
  team(44, 'GSW', 'Golden State', 'Warriors', 'West'),
  team(45, 'HOU', 'Houston', 'Rockets', 'West'),
  team(46, 'LAC', 'LA', 'Clippers', 'West'),
  team(47, 'LAL', 'Los Angeles', 'Lakers', 'West'),
  team(48, 'MIA', 'Miami', 'Heat', 'East'),
  team(49, 'MIL', 'Milwaukee', 'Bucks', 'East'),
  team(50, 'MIN', 'Minnesota', 'Timberwolves', 'West'),
  team(51, 'BKN', 'Brooklyn', 'Nets', 'East'),
  team(52, 'NYK', 'New York', 'Knicks', 'East'),
  team(53, 'ORL', 'Orlando', 'Magic', 'East'),
  team(54, 'IND', 'Indiana', 'Pacers', 'East'),
  team(55, 'PHI', 'Philadelphia', '76ers', 'East', 'sixers'),
  team(56, 'PHX', 'Phoenix', 'Suns', 'West'),
  team(57, 'POR', 'Portland', 'Trail Blazers', 'West', 'blazers'),
  team(58, 'SAC', 'Sacramento', 'Kings', 'West'),
  team(59, 'SAS', 'San Antonio', 'Spurs', 'West'),
  team(60, 'OKC', 'Oklahoma City', 'Thunder', 'West'),
  team(61, 'TOR', 'Toronto', 'Raptors', 'East'),
  team(62, 'UTA', 'Utah', 'Jazz', 'West'),
  team(63, 'MEM', 'Memphis', 'Grizzlies', 'West'),
  team(64, 'WAS', 'Washington', 'Wizards', 'East'),
  team(65, 'DET', 'Detroit', 'Pistons', 'East'),
  team(66, 'CHA', 'Charlotte', 'Hornets', 'East'),
];

/** "LA Clippers", "Philadelphia 76ers": the TEAM_NAME of the V2 endpoints. */
export function teamFullName(t: Team): string {
  return `${t.city} ${t.name}`;
}

export function teamById(teamId: number): Team {
  const found = TEAMS.find((t) => t.teamId === teamId);
  if (!found) throw new Error(`teamById: expected one of the 30 team ids, got ${teamId}`);
  return found;
}

export function teamByTricode(tricode: string): Team {
  const found = TEAMS.find((t) => t.tricode === tricode);
  if (!found) throw new Error(`teamByTricode: expected one of the 30 tricodes, got "${tricode}"`);
  return found;
}
