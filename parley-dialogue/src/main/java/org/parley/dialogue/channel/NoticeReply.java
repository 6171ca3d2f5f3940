package org.parley.dialogue.channel;

/** The answer to a channel notice, sent back to its issuer. */
public sealed interface NoticeReply permits NoticeReply.Applied, NoticeReply.Refused {
    /** What the reply tells the issuer. */
    String message();

    /**
     * The notice was recorded and is enforced from its effective time.
     *
     * @param notice the recorded notice
     * @param message what was suspended or resumed, and that SAFETY and LINKTEST remain open
     */
    record Applied(ChannelNotice notice, String message) implements NoticeReply {}

    /**
     * The notice was refused and nothing was recorded.
     *
     * @param message why, and what to send instead
     */
    record Refused(String message) implements NoticeReply {}
}
