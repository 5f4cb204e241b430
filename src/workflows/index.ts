export { specWorkflow } from './spec-workflow';
export { ticketFanOutWorkflow } from './ticket-fan-out';
