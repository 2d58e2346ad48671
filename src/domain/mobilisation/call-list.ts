// A school's call list (issue 11, mobilisation): the Teams users called when something happens at the
// school, each with a role and a step. Step 1 is called at once; step 2 when nobody of step 1 has said
// "kommer" in time; step 3 after that. Only Teams users: people outside Teams get a ready text instead.

export const CALL_ROLES = ['rektor', 'kurator', 'polis', 'socialsekreterare', 'fritidsledare', 'nattvandrarsamordnare'] as const;
export type CallRole = (typeof CALL_ROLES)[number];

/** Called first, on the first escalation, on the second. */
export const CALL_STEPS = [1, 2, 3] as const;
export type CallStep = (typeof CALL_STEPS)[number];

/** The most people on one school's list (and so on one call-out): Teams refreshes a card for at most 60. */
export const CALL_LIST_MAX = 40;

/** Who is called: the ids Teams gives (the Entra object id; the Teams id when known) and their Teams name. */
export interface Callee {
  userId: string;
  chatUserId: string | null;
  name: string;
  role: CallRole;
  step: CallStep;
}

export interface CallListEntry extends Callee {
  schoolId: string;
  addedBy: string;
  addedAt: Date;
}

/** The list in calling order: by step, then by role as CALL_ROLES orders them, then by name. */
export function callingOrder<E extends Callee>(entries: readonly E[]): E[] {
  return [...entries].sort((a, b) => a.step - b.step || CALL_ROLES.indexOf(a.role) - CALL_ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'sv'));
}

/** The first step at or after `from` that has anyone on it, or null when none has. */
export function nextStepWithPeople(entries: readonly Callee[], from: number): CallStep | null {
  return CALL_STEPS.find((s) => s >= from && entries.some((e) => e.step === s)) ?? null;
}

/** Whether the user is the callee: by Entra object id or by Teams id (lists made from @mentions know only that). */
export function isCallee(callee: Pick<Callee, 'userId' | 'chatUserId'>, user: { userId: string; chatUserId?: string | undefined }): boolean {
  const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
  return same(callee.userId, user.userId) || same(callee.chatUserId, user.chatUserId) || same(callee.userId, user.chatUserId);
}
