// The public surface of @order-liability/domain (docs/domain.md).
export { initialState } from './state';
export type {
  OrderState,
  ParcelState,
  StopDetails,
  InformationRequestState,
  ConclusionState,
  SettlementState,
  LateReturnState,
} from './state';
export { checkHistory } from './check-history';
export type { HistoryProblem } from './history-problem';
export { ParcelExposureCodec } from './parcel-exposure';
export type { ParcelExposure } from './parcel-exposure';
export { evolve, fold, foldUntil, startFold } from './evolve';
export type { Folding } from './evolve';
export { eventTime } from './event-time';
export { decide } from './decide';
export { decider } from './decider';
export type { OrderDecider } from './decider';
export { assessLiability, recomputeDecision } from './assess';
export { recomputeSettlement } from './recompute-settlement';
export type { SettlementAssessment } from './recompute-settlement';
export type { Decision, Liability, NextStep, Actor } from './decision';
export { caseStatus } from './status';
export type { CaseStatus } from './status';
export type { RuleId } from './rules';
export { defaultPolicy, resolvePolicy, decodePolicy, PolicyOverrideCodec } from './policy';
export type { Policy, PolicyOverride } from './policy';
export { normalizeCarrier, isRecallableCarrier } from './carriers';
export { decodeEvent, decodeCommand, decodeWith } from './decode';
export type { DecodeError, DecodeProblem } from './decode';
export { toMerchantView } from './merchant-view';
export type { MerchantView, MerchantShipment } from './merchant-view';
export {
  eventCodecs,
  eventTypes,
  isEventType,
  SettlementLineCodec,
  FRAUD_RETURN_LABEL,
  FRAUD_POLICY_LABEL,
} from './events';
export type { Event, EventOf, EventType, SettlementLine } from './events';
export { commandCodecs, isCommandType } from './commands';
export type { Command, CommandOf, CommandType } from './commands';
export { domainError } from './errors';
export type { DomainError, DomainErrorCode } from './errors';
export { formatAmount } from './money';
export { isCurrencyCode, currencyDigits } from './currencies';
export { isStorableText } from './codecs/primitives';
export { parseInstant } from './timestamp';
