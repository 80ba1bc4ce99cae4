package app.retake.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the interviewer's console shows about the phone remote: whether it runs, whether a phone is paired, and
 * whether pairing is locked after wrong codes.
 *
 * @param running     whether the server still answers
 * @param paired      whether a phone is paired
 * @param lockedUntil when a lockout after too many wrong codes ends; the console counts down to it itself, since no
 *                    change is announced when it runs out
 */
public record RemoteStatus(boolean running, boolean paired, Optional<Instant> lockedUntil) {

    /** One plain sentence for the console, such as "Phone paired." */
    public String describe(Instant now) {
        if (!running) {
            return "Phone remote off.";
        }
        if (paired) {
            return "Phone paired.";
        }
        if (lockedUntil.isPresent() && now.isBefore(lockedUntil.get())) {
            long seconds = (Duration.between(now, lockedUntil.get()).toMillis() + 999) / 1000;
            return "Too many wrong codes: pairing is locked for " + seconds + " more seconds.";
        }
        return "Waiting for a phone to pair.";
    }
}
