import { registerEnumType } from '@nestjs/graphql';

/** GraphQL names are upper case; the values are the canonical model's, so nothing is mapped by hand. */
export enum PurchaseOrderStatus {
  DRAFT = 'draft',
  SENT = 'sent',
  CONFIRMED = 'confirmed',
  PARTIALLY_RECEIVED = 'partially_received',
  RECEIVED = 'received',
  CANCELLED = 'cancelled',
}

export enum AcknowledgementStatus {
  NONE = 'none',
  ACCEPTED = 'accepted',
  REJECTED = 'rejected',
  CHANGED = 'changed',
}

/** A supplier's answer to one line: the meaning of an X12 855 line (IA accept, IR reject, IC/DR change). */
export enum LineDecision {
  ACCEPTED = 'accepted',
  REJECTED = 'rejected',
  CHANGED = 'changed',
}

registerEnumType(PurchaseOrderStatus, { name: 'PurchaseOrderStatus' });
registerEnumType(AcknowledgementStatus, { name: 'AcknowledgementStatus' });
registerEnumType(LineDecision, {
  name: 'LineDecision',
  description: 'ACCEPTED as ordered; REJECTED; CHANGED with a proposed date and/or quantity.',
});
