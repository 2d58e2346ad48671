/**
 * Work a use case starts that the answer to its user does not wait for: run once the request being
 * answered now has been answered (at once when no request is being answered, e.g. a scheduled job).
 * The task runs apart from the request's turn: what it changes updates the shared cards as any later
 * change does. Its failure is the runner's to log, by the task's name; what it resolves to (counts and
 * ids only, never personal data or free text) is logged with that name.
 */
export interface AfterAnswer {
  run(name: string, task: () => Promise<Record<string, number | string>>): void;
}
