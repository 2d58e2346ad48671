import { ORGANISATIONS, isOneOf, type Organisation } from '../domain/vocabulary';

// ORGANISATION_DOMAINS: which e-mail domains confirm which organisation. Parsing (for config.ts) and the
// pure lookup (for the Teams edge's member directory) live together here, free of any SDK.

/** One ORGANISATION_DOMAINS entry. tenantId null: the domain counts in every allowed tenant. */
export interface OrganisationDomain {
  tenantId: string | null;
  /** Lower-case, e.g. polisen.se; subdomains (x.polisen.se) match too. */
  domain: string;
  organisation: Organisation;
}

export const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);

export function isDomainName(value: string): boolean {
  return DOMAIN.test(value);
}

/** Splits a comma-separated setting into trimmed, non-empty entries. */
export function entriesOf(value: string): string[] {
  return value.split(',').map((x) => x.trim()).filter(Boolean);
}

/**
 * Parses `domain=organisation` and `tenantId/domain=organisation` entries. Returns the entries and, for
 * every bad one, a problem that names it and says how to write it.
 */
export function parseOrganisationDomains(value: string): { domains: OrganisationDomain[]; problems: string[] } {
  const domains: OrganisationDomain[] = [];
  const problems: string[] = [];
  const codes = ORGANISATIONS.join(', ');
  for (const raw of entriesOf(value)) {
    const entry = raw.toLowerCase();
    const eq = entry.indexOf('=');
    if (eq < 0) {
      problems.push(`entry "${raw}" has no organisation: write domain=organisation or tenantId/domain=organisation, e.g. polisen.se=polisen`);
      continue;
    }
    const left = entry.slice(0, eq).trim();
    const organisation = entry.slice(eq + 1).trim();
    const slash = left.indexOf('/');
    const tenantId = slash < 0 ? null : left.slice(0, slash).trim();
    const domain = (slash < 0 ? left : left.slice(slash + 1).trim()).replace(/^@/, '');
    const before = problems.length;
    if (tenantId !== null && !GUID.test(tenantId)) {
      problems.push(`entry "${raw}": "${tenantId}" is not a tenant id (GUID); write tenantId/domain=organisation or domain=organisation`);
    }
    if (!isDomainName(domain)) problems.push(`entry "${raw}": "${domain}" does not look like an e-mail domain (e.g. polisen.se)`);
    if (!isOneOf(ORGANISATIONS, organisation)) problems.push(`entry "${raw}": "${organisation}" is not an organisation; use one of ${codes}`);
    if (problems.length > before || !isOneOf(ORGANISATIONS, organisation)) continue;
    const same = domains.find((d) => d.tenantId === tenantId && d.domain === domain);
    if (same && same.organisation !== organisation) {
      problems.push(`entry "${raw}": ${domain} is already mapped to ${same.organisation}${tenantId ? ` in tenant ${tenantId}` : ''}; a domain names one organisation`);
    } else if (!same) {
      domains.push({ tenantId, domain, organisation });
    }
  }
  return { domains, problems };
}

/**
 * The organisation that an e-mail address's domain confirms in a tenant, or null. The domain matches an
 * entry exactly or as a subdomain (a@skola.kungsor.se matches kungsor.se). Entries for the tenant win
 * over entries for every tenant; among those, the most specific domain wins.
 */
export function organisationForEmail(
  email: string | null | undefined, tenantId: string, domains: readonly OrganisationDomain[],
): Organisation | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  if (!domain) return null;
  const tenant = tenantId.trim().toLowerCase();
  const matches = (d: OrganisationDomain) => domain === d.domain || domain.endsWith(`.${d.domain}`);
  const best = (candidates: OrganisationDomain[]) =>
    candidates.filter(matches).sort((a, b) => b.domain.length - a.domain.length)[0]?.organisation ?? null;
  return best(domains.filter((d) => d.tenantId !== null && d.tenantId === tenant))
    ?? best(domains.filter((d) => d.tenantId === null));
}
