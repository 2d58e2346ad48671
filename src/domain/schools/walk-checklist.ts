// A trygghetsvandring's short checklist (issue 11): what the walk looks for. Each finding ticked can
// become an incident at the place (a pre-filled report) or a measure at the place (its hot spot).

export const WALK_FINDINGS = ['belysning', 'skymd_sikt', 'klotter', 'nedskrapning', 'otrygga_passager'] as const;
export type WalkFinding = (typeof WALK_FINDINGS)[number];
