/**
 * The shared input helpers in one import: the unknown sentinel, field schemas (ids, keyword, i18n, ...), default OU
 * handling, the check runner and the replace rule. Each lives in its own file; this module only re-exports.
 */
export {
  UNKNOWN,
  isUnknown,
  containsUnknown,
  orUnknown,
  isSentinelMismatch,
  type Known,
  type Unknown,
} from "./unknown";
export {
  idSchema,
  idListSchema,
  sortUnique,
  integerSchema,
  booleanSchema,
  keywordSchema,
  orgIdSchema,
  iconSchema,
  base64DecodedBytes,
  appUrlSchema,
  menuUrlSchema,
  isHttpUrlOrEmpty,
} from "./fields";
export { i18nSchema, normaliseLocaleKey, type I18nText } from "./i18n";
export { applyDefaultOrgId, missingOrgIdFailure, type CheckDefaults } from "./org-id";
export { runCheck, type CheckOutcome, type InputSpec, type RawInputs } from "./run-check";
export { replacesFor, canonical } from "./replaces";
export type { CheckFailure } from "./issues";
