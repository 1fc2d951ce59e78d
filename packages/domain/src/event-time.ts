import type { Event } from './events';

/** When an event happened, as the event itself records it (used for time travel). */
export const eventTime = (event: Event): string => {
  switch (event.type) {
    case 'StopRequested':
    case 'RecallRequested':
    case 'InformationRequested':
      return event.data.requestedAt;
    case 'OrderStopped':
      return event.data.stoppedAt;
    case 'ServiceCouldNotBeInterrupted':
    case 'ShippedWithTracking':
    case 'ShippedWithoutTracking':
      return event.data.reportedAt;
    case 'Returned':
      return event.data.returnedAt;
    case 'Disputed':
      return event.data.disputedAt;
    case 'InvoiceOverdue':
      return event.data.observedAt;
    case 'InformationProvided':
      return event.data.providedAt;
    case 'InvestigationConcluded':
      return event.data.concludedAt;
    case 'SettlementBooked':
      return event.data.bookedAt;
  }
};
