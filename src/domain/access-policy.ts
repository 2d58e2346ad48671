import type { Actor } from './actor';
import type { Store } from './ports/store.port';
import type { Report } from './report';
import type { Organisation } from './vocabulary';

/**
 * Who may do what. Coordinators (named in configuration or added by another coordinator) curate,
 * close any report and export; everyone else works within their own organisation's reports.
 */
export class AccessPolicy {
  private readonly configured: ReadonlySet<string>;

  constructor(configuredCoordinators: readonly string[], private readonly store: Pick<Store, 'coordinators' | 'users'>) {
    this.configured = new Set(configuredCoordinators.map((id) => id.toLowerCase()));
  }

  async isCoordinator(userId: string): Promise<boolean> {
    return this.configured.has(userId.toLowerCase()) || this.store.coordinators.isCoordinator(userId);
  }

  async organisationOf(userId: string): Promise<Organisation | null> {
    return (await this.store.users.get(userId))?.organisation ?? null;
  }

  /** The reporter, colleagues of the reporting organisation, and coordinators. */
  async mayEdit(actor: Actor, report: Report): Promise<boolean> {
    if (report.reporter.userId === actor.userId) return true;
    if ((await this.organisationOf(actor.userId)) === report.organisation) return true;
    return this.isCoordinator(actor.userId);
  }

  /** Those who may edit, and whoever took the report on. */
  async mayChangeStatus(actor: Actor, report: Report): Promise<boolean> {
    return report.assignee?.userId === actor.userId || this.mayEdit(actor, report);
  }

  /** A user's organisation is set by their first report; after that only a coordinator changes it. */
  async mayReportAs(actor: Actor, organisation: Organisation): Promise<boolean> {
    const current = await this.organisationOf(actor.userId);
    return current === null || current === organisation || this.isCoordinator(actor.userId);
  }
}
