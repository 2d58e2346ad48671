-- The shared card (issue 10): the Teams message that shows a report's or hot spot's card to everyone in
-- its conversation, so that a change made elsewhere (a command, another card, a reminder) refreshes it.
-- One message per item (ids are unique in a tenant); every read also names the item's conversation.
CREATE TABLE card_messages (
  tenant_id NVARCHAR(100) NOT NULL,
  conversation_id NVARCHAR(400) NOT NULL,
  item_kind NVARCHAR(16) NOT NULL,
  item_id NVARCHAR(64) NOT NULL,
  -- The Teams conversation id the message is in (a channel thread carries ";messageid=…").
  thread_id NVARCHAR(450) NOT NULL,
  activity_id NVARCHAR(200) NOT NULL,
  updated_at DATETIME2(3) NOT NULL,
  CONSTRAINT pk_card_messages PRIMARY KEY (tenant_id, item_kind, item_id)
);
GO

-- What a conversation's cards are found by (and removed with, should the conversation go).
CREATE INDEX ix_card_messages_conversation ON card_messages (tenant_id, conversation_id);
GO
