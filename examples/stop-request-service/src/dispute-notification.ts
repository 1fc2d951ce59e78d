import type { Command } from '@order-liability/domain';
import { z } from 'zod';

/**
 * A Klarna Disputes API notification as this service reads it: Klarna's webhook envelope
 * (`metadata` with the event type, id and time) around the dispute (`payload`), whose
 * `purchase_reference` is the order id of the case.
 */
export const disputeNotificationSchema = z.object({
  metadata: z.object({
    event_type: z.string().min(1),
    event_id: z.string().min(1).max(200),
    occurred_at: z.string().min(1),
  }),
  payload: z.object({
    payment_dispute_id: z.string().min(1).optional(),
    purchase_reference: z.string().min(1).max(128),
    state: z.string().optional(),
    previous_state: z.string().nullable().optional(),
    outcome: z.enum(['WON', 'LOST']).optional(),
    state_context: z.object({ evidence_response_deadline_at: z.string().optional() }).optional(),
  }),
});

export type DisputeNotification = z.infer<typeof disputeNotificationSchema>;

export const DISPUTE_CREATED = 'payment.dispute.state-change.initiated';
/** Disputes API v3 names a new dispute's first state pre-arbitration. */
export const DISPUTE_CREATED_V3 = 'payment.dispute.state-change.pre-arbitration';
export const EVIDENCE_REQUESTED = 'payment.dispute.state-change.merchant-evidence-pending';
export const DISPUTE_CLOSED = 'payment.dispute.state-change.closed';

export type NotificationAction =
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'ignored'; readonly reason: string };

/**
 * What a notification means for the case: a dispute created → RecordDispute (SR-7); merchant
 * evidence requested → RequestInformation, its topic naming Klarna's deadline (the cover
 * follows A-7); closed WON (the merchant won: the purchase stands) → ConcludeInvestigation
 * not-fraud (SR-11); closed LOST (the customer's claim upheld) → fraud (SR-9). Anything else
 * is acknowledged and ignored.
 */
export const actionOf = (notification: DisputeNotification): NotificationAction => {
  const { metadata, payload } = notification;
  const orderId = payload.purchase_reference;
  const at = metadata.occurred_at;
  const dispute = payload.payment_dispute_id ?? 'without id';
  switch (metadata.event_type) {
    case DISPUTE_CREATED:
      return {
        kind: 'command',
        command: { type: 'RecordDispute', data: { orderId, disputedAt: at } },
      };
    case DISPUTE_CREATED_V3:
      return payload.previous_state == null
        ? { kind: 'command', command: { type: 'RecordDispute', data: { orderId, disputedAt: at } } }
        : { kind: 'ignored', reason: 'a preliminary decision, not a new dispute' };
    case EVIDENCE_REQUESTED: {
      const deadline = payload.state_context?.evidence_response_deadline_at;
      const topic = `Klarna dispute ${dispute}: evidence requested${deadline === undefined ? '' : ` by ${deadline}`}`;
      return {
        kind: 'command',
        command: {
          type: 'RequestInformation',
          data: { orderId, requestedAt: at, topic: topic.slice(0, 128) },
        },
      };
    }
    case DISPUTE_CLOSED:
      if (payload.outcome === undefined)
        return { kind: 'ignored', reason: 'a closed dispute without outcome' };
      return {
        kind: 'command',
        command: {
          type: 'ConcludeInvestigation',
          data: {
            orderId,
            concludedAt: at,
            outcome: payload.outcome === 'LOST' ? 'fraud' : 'not-fraud',
          },
        },
      };
    default:
      return {
        kind: 'ignored',
        reason: `event type ${metadata.event_type} needs nothing of this service`,
      };
  }
};
