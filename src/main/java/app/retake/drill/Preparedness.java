package app.retake.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Rating;

/**
 * Per-question preparedness of one profile, derived by replaying the attempt log. Never stored: the log is
 * the only record, so the two cannot disagree.
 *
 * <p>Weakness at time t runs from 0 to 1:
 * <ul>
 *   <li>a question still flagged unprepared: {@value #FLAG_FLOOR} + {@value #FLAG_SPAN} × (1 − predicted recall),
 *       so it always ranks above a question never tried and above everything answered well;</li>
 *   <li>a question never rated: {@value #UNSEEN_WEAKNESS};</li>
 *   <li>any other: 1 − predicted recall, plus {@value #PAST_BOOST} if it was ever unprepared, halving every
 *       {@value #BOOST_HALF_LIFE_DAYS} days since, so a recovered weak spot comes back a little sooner.</li>
 * </ul>
 */
public final class Preparedness {

    static final double UNSEEN_WEAKNESS = 0.6;
    static final double FLAG_FLOOR = 0.8;
    static final double FLAG_SPAN = 0.2;
    static final double PAST_BOOST = 0.3;
    static final double BOOST_HALF_LIFE_DAYS = 7;

    private final String profile;
    private final Map<String, QuestionMemory> memories;

    private Preparedness(String profile, Map<String, QuestionMemory> memories) {
        this.profile = profile;
        this.memories = memories;
    }

    /** Replays the rated attempts of {@code profile} (ids compared ignoring case). */
    public static Preparedness replay(Iterable<Attempt> attempts, String profile) {
        Replay replay = new Replay(profile);
        for (Attempt attempt : attempts) {
            replay.add(attempt);
        }
        return replay.finish();
    }

    /** Replays the log file, streaming; problems in the log are logged by the log, not thrown. */
    public static Preparedness replay(AttemptLog log, String profile) {
        Replay replay = new Replay(profile);
        log.read(replay::add);
        return replay.finish();
    }

    public String profile() {
        return profile;
    }

    /** The memory of a question that has been rated at least once. */
    public Optional<QuestionMemory> memory(String questionId) {
        return Optional.ofNullable(memories.get(key(questionId)));
    }

    /** Every rated question. */
    public Map<String, QuestionMemory> memories() {
        return Collections.unmodifiableMap(memories);
    }

    public boolean isUnprepared(String questionId) {
        QuestionMemory m = memories.get(key(questionId));
        return m != null && m.flaggedUnprepared();
    }

    public boolean isNew(String questionId) {
        return !memories.containsKey(key(questionId));
    }

    /** How much {@code questionId} needs practice at {@code at}, from 0 (answered well, recently) to 1. */
    public double weakness(String questionId, Instant at) {
        QuestionMemory m = memories.get(key(questionId));
        if (m == null) {
            return UNSEEN_WEAKNESS;
        }
        if (m.flaggedUnprepared()) {
            return FLAG_FLOOR + FLAG_SPAN * (1 - m.recall(at));
        }
        double boost = 0;
        if (m.lastUnprepared().isPresent()) {
            double days = QuestionMemory.days(m.lastUnprepared().get(), at);
            boost = PAST_BOOST * Math.pow(0.5, Math.max(0, days) / BOOST_HALF_LIFE_DAYS);
        }
        return Math.min(1, Math.max(0, 1 - m.recall(at) + boost));
    }

    /** This preparedness with one more attempt taken into account (for a session in progress). */
    public Preparedness with(Attempt attempt) {
        Replay replay = new Replay(profile);
        replay.add(attempt);
        Map<String, QuestionMemory> updated = new HashMap<>(memories);
        String id = key(attempt.questionId());
        QuestionMemory before = updated.get(id);
        QuestionMemory after = replay.finishOne(id, before);
        if (after != null) {
            updated.put(id, after);
        }
        return new Preparedness(profile, updated);
    }

    /** Ids compare ignoring case; most are already lower case, and those are used as they are, unallocated. */
    public static String key(String questionId) {
        for (int i = 0; i < questionId.length(); i++) {
            if (Character.isUpperCase(questionId.charAt(i))) {
                return questionId.toLowerCase(Locale.ROOT);
            }
        }
        return questionId;
    }

    /** Collects rated events per question, then folds each question's events in time order. */
    private static final class Replay {
        private final String profile;
        private final Map<String, Track> tracks = new HashMap<>();

        Replay(String profile) {
            this.profile = profile;
        }

        void add(Attempt attempt) {
            if (!attempt.profile().equalsIgnoreCase(profile)) {
                return;
            }
            Optional<Rating> rating = attempt.effectiveRating();
            if (rating.isEmpty()) {
                return;
            }
            String id = key(attempt.questionId());
            tracks.computeIfAbsent(id, k -> new Track(attempt.questionId()))
                    .add(attempt.time().toInstant().toEpochMilli(), rating.get());
        }

        Preparedness finish() {
            Map<String, QuestionMemory> memories = new HashMap<>(tracks.size() * 2);
            tracks.forEach((id, track) -> memories.put(id, track.fold(null)));
            return new Preparedness(profile, memories);
        }

        QuestionMemory finishOne(String id, QuestionMemory before) {
            Track track = tracks.get(id);
            return track == null ? before : track.fold(before);
        }
    }

    /** The rated events of one question, kept as primitives so a million-row replay stays light. */
    private static final class Track {
        private final String questionId;
        private long[] times = new long[4];
        private byte[] grades = new byte[4];
        private int size;
        private boolean sorted = true;

        Track(String questionId) {
            this.questionId = questionId;
        }

        void add(long epochMillis, Rating rating) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                grades = Arrays.copyOf(grades, size * 2);
            }
            if (size > 0 && epochMillis < times[size - 1]) {
                sorted = false; // a debrief logged after the fact, or a clock change
            }
            times[size] = epochMillis;
            grades[size] = (byte) rating.grade();
            size++;
        }

        /** Folds the events onto {@code start} (null: a question never rated before). */
        QuestionMemory fold(QuestionMemory start) {
            Integer[] order = null;
            if (!sorted) {
                order = new Integer[size];
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            }
            Fsrs.State state = start == null ? null : start.state();
            long last = start == null ? 0 : start.lastReview().toEpochMilli();
            int takes = start == null ? 0 : start.takes();
            List<Rating> recent = start == null ? new ArrayList<>() : new ArrayList<>(start.recentRatings());
            Long lastUnprepared = start == null ? null : start.lastUnprepared().map(Instant::toEpochMilli).orElse(null);
            boolean flagged = start != null && start.flaggedUnprepared();
            Rating[] ratings = Rating.values();
            for (int k = 0; k < size; k++) {
                int i = order == null ? k : order[k];
                int grade = grades[i];
                long time = times[i];
                state = state == null ? Fsrs.first(grade)
                        : Fsrs.review(state, Math.max(0, time - last) / 86_400_000.0, grade);
                last = Math.max(last, time);
                takes++;
                Rating rating = ratings[grade - 1];
                recent.add(rating);
                if (recent.size() > QuestionMemory.RECENT) {
                    recent.remove(0);
                }
                if (rating == Rating.UNPREPARED) {
                    flagged = true;
                    lastUnprepared = time;
                } else if (rating == Rating.GOOD || rating == Rating.NAILED) {
                    flagged = false;
                }
            }
            return new QuestionMemory(questionId, state, Instant.ofEpochMilli(last), takes, recent,
                    Optional.ofNullable(lastUnprepared).map(Instant::ofEpochMilli), flagged);
        }
    }
}
