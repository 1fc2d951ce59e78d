import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { describeStoreScenarios } from './describe-store-scenarios';

describeStoreScenarios('in-memory store', () => ({ store: new InMemoryEventStore() }));
