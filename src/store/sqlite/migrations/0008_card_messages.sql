-- The shared card (issue 10): the Teams message that shows a report's or hot spot's card to everyone in
-- its conversation, so that a change made elsewhere (a command, another card, a reminder) refreshes it.
-- One message per item (ids are unique in a tenant); every read also names the item's conversation.
CREATE TABLE card_messages (
  tenant_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  item_kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  -- The Teams conversation id the message is in (a channel thread carries ";messageid=…").
  thread_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, item_kind, item_id)
);

-- What a conversation's cards are found by (and removed with, should the conversation go).
CREATE INDEX ix_card_messages_conversation ON card_messages (tenant_id, conversation_id);
