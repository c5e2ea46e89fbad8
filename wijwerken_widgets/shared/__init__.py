"""What several pages share: the stakeholder map, the conversations, the coaching rules and the logboek."""
