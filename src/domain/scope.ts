// Whose data a read or write may touch. Every repository method that reads or writes by id takes one,
// so that an id from another tenant or conversation finds nothing and changes nothing.

/** A tenant: places, the place register, hot spots, coordinators and memberships belong to one. */
export interface TenantScope {
  readonly tenantId: string;
}

/** A conversation (channel, group chat, personal chat) of a tenant: reports belong to one. */
export interface ChatScope extends TenantScope {
  readonly conversationId: string;
}

/**
 * What a caller may read of reports: those made in its conversation and, in a personal chat with the
 * bot, also the caller's own reports made elsewhere in the same tenant.
 */
export interface ReportScope extends ChatScope {
  readonly alsoReportedBy?: string;
}

export function tenantOf(scope: TenantScope): TenantScope {
  return { tenantId: scope.tenantId };
}
