import type { Draft } from 'immer';
import type { OrderState } from './state';

/**
 * Deep-freezes a state `fold` built privately, object by object along the state's known
 * shape. Immer's generic deep freeze walks every key by reflection; on a million events that
 * walk cost several times the fold itself, while freezing the known objects costs little.
 */
export const freezeState = (state: Draft<OrderState>): OrderState => {
  if (state.stop !== null) {
    if (state.stop.riskNotes !== undefined) Object.freeze(state.stop.riskNotes);
    Object.freeze(state.stop);
  }
  if (state.stopped !== null) Object.freeze(state.stopped);
  for (const parcel of state.parcels) Object.freeze(parcel);
  Object.freeze(state.parcels);
  for (const request of state.informationRequests) Object.freeze(request);
  Object.freeze(state.informationRequests);
  if (state.conclusion !== null) Object.freeze(state.conclusion);
  for (const booked of state.settlements) {
    for (const line of booked.lines) Object.freeze(line);
    Object.freeze(booked.lines);
    for (const part of booked.exposure) {
      Object.freeze(part.rules);
      Object.freeze(part);
    }
    Object.freeze(booked.exposure);
    Object.freeze(booked.reasons);
    Object.freeze(booked);
  }
  Object.freeze(state.settlements);
  for (const late of state.returnsAfterSettlement) Object.freeze(late);
  Object.freeze(state.returnsAfterSettlement);
  for (const problem of state.skipped) Object.freeze(problem);
  Object.freeze(state.skipped);
  return Object.freeze(state);
};
