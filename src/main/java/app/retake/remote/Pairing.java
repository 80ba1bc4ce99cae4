package app.retake.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may drive the interview from a phone: the one device that typed the six-digit code shown on the computer.
 *
 * <p>The code is the only secret a stranger on the same network lacks, so guessing it is slowed down: after
 * {@value #MAX_WRONG} wrong codes pairing is locked for a minute. One phone at a time: a second one is refused until
 * the computer unpairs the first, which also changes the code. Codes and tokens are compared in constant time so
 * response timing tells nothing about how close a guess was.
 *
 * <p>Safe to use from several threads. Time comes from the injected clock, so tests can move it.
 */
public final class Pairing {

    /** Wrong codes in a row before pairing locks. */
    public static final int MAX_WRONG = 5;
    /** How long pairing stays locked after too many wrong codes. */
    public static final Duration LOCKOUT = Duration.ofMinutes(1);
    /** Digits in a pairing code. */
    public static final int CODE_DIGITS = 6;

    /** What came of one attempt to pair. */
    public sealed interface Outcome {
        /** The code was right: {@code token} authorizes this phone from now on. */
        record Paired(String token) implements Outcome {
        }

        /** The code was wrong; {@code attemptsLeft} more may be tried before pairing locks. */
        record WrongCode(int attemptsLeft) implements Outcome {
        }

        /** Pairing is locked after too many wrong codes, for {@code secondsLeft} more seconds. */
        record Locked(long secondsLeft) implements Outcome {
        }

        /** The code was right, but another phone is already paired. */
        record AlreadyPaired() implements Outcome {
        }
    }

    private final Clock clock;
    private final SecureRandom random;
    private String code;
    private String token;
    private int wrong;
    private Instant lockedUntil;

    public Pairing(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.code = newCode();
    }

    private String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** The code to show on the computer's screen. */
    public synchronized String code() {
        return code;
    }

    /**
     * Tries to pair with {@code attempt}. While locked, the code is not even looked at, so a guess made then
     * teaches nothing.
     */
    public synchronized Outcome pair(String attempt) {
        Instant now = clock.instant();
        Optional<Long> locked = secondsLocked(now);
        if (locked.isPresent()) {
            return new Outcome.Locked(locked.get());
        }
        if (!sameSecret(code, attempt == null ? "" : attempt.strip())) {
            wrong++;
            if (wrong >= MAX_WRONG) {
                wrong = 0;
                lockedUntil = now.plus(LOCKOUT);
                return new Outcome.Locked(LOCKOUT.toSeconds());
            }
            return new Outcome.WrongCode(MAX_WRONG - wrong);
        }
        wrong = 0;
        if (token != null) {
            return new Outcome.AlreadyPaired();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Outcome.Paired(token);
    }

    /** Seconds left of a lockout, rounded up; empty when pairing is open. */
    private Optional<Long> secondsLocked(Instant now) {
        if (lockedUntil == null) {
            return Optional.empty();
        }
        if (!now.isBefore(lockedUntil)) {
            lockedUntil = null;
            return Optional.empty();
        }
        long millis = Duration.between(now, lockedUntil).toMillis();
        return Optional.of((millis + 999) / 1000);
    }

    /** Whether {@code presented} is the paired phone's token. */
    public synchronized boolean authorizes(String presented) {
        if (token == null || presented == null) {
            return false;
        }
        return sameSecret(token, presented.strip());
    }

    /** Forgets the paired phone and picks a new code, so the old token and the code it saw stop working. */
    public synchronized void unpair() {
        token = null;
        wrong = 0;
        code = newCode();
    }

    public synchronized boolean paired() {
        return token != null;
    }

    /** When the current lockout ends, if pairing is locked now. */
    public synchronized Optional<Instant> lockedUntil() {
        return secondsLocked(clock.instant()).map(s -> lockedUntil);
    }

    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
