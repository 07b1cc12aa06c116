import type { ErrorCode } from '../../src-shared/errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  unknown_operation: 404,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  payload_too_large: 413,
  db_corrupt: 500,
  db_from_future: 500,
  db_busy: 503,
  db_unavailable: 503,
  storage_full: 507,
  shutting_down: 503,
  model_unavailable: 503,
  internal: 500,
  // An AI backend failed behind Cairn: a gateway's statuses, never 401 (that would read as
  // "your Cairn token is wrong" and sign the browser out).
  provider_unreachable: 502,
  provider_timeout: 504,
  provider_model_missing: 502,
  provider_rate_limited: 429,
  provider_spend_limit: 402,
  provider_overloaded: 503,
  provider_auth: 502,
  provider_not_configured: 503,
  provider_rejected: 502,
  provider_bad_output: 502,
  provider_circuit_open: 503,
  provider_failed: 502,
  check_running: 409,
  hotkey_refused: 409,
};

/** Fastify's own request errors, in Cairn's codes. */
export const FASTIFY_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_input',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_input',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'invalid_input',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_input',
  FST_ERR_BAD_URL: 'invalid_input',
};
