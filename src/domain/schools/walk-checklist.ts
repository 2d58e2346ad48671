import type { IncidentCategory } from '../vocabulary';

// A trygghetsvandring's short checklist (issue 11): what the walk looks for. Each finding ticked can
// become an incident at the place (a pre-filled report) or a measure at the place (its hot spot).

export const WALK_FINDINGS = ['belysning', 'skymd_sikt', 'klotter', 'nedskrapning', 'otrygga_passager'] as const;
export type WalkFinding = (typeof WALK_FINDINGS)[number];

/** The incident category a finding is reported as, when it becomes an incident at the walk's place. */
export const FINDING_CATEGORY: Record<WalkFinding, IncidentCategory> = {
  belysning: 'otrygg_plats', skymd_sikt: 'otrygg_plats', klotter: 'skadegorelse_klotter', nedskrapning: 'nedskrapning', otrygga_passager: 'otrygg_plats',
};
