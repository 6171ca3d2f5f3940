package org.parley.dialogue;

/** What the ledger stores: requests and answers, in the order recorded. State is their fold. */
sealed interface DialogueEvent {
    record Requested(DialogueRequest request) implements DialogueEvent {}

    record Answered(Answer answer) implements DialogueEvent {}
}
