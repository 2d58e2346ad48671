import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';

/**
 * The submit data a form adds when it is shown again with the personal-data warning: saving it again
 * means "mask it and save". Nothing when the guard found nothing.
 */
export const confirmsMasking = (findings: readonly PersonalDataFinding[] | null | undefined): { maskingConfirmed?: true } =>
  (findings?.length ? { maskingConfirmed: true } : {});
