package app.retake.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import app.retake.bank.Difficulty;
import app.retake.bank.Question;
import app.retake.history.Attempt;
import app.retake.history.Mode;
import app.retake.history.Rating;

/**
 * A simulated learner practising a question bank, used to compare ways of choosing the next question.
 *
 * <p>What it assumes, fixed before any strategy was tuned:
 * <ul>
 *   <li>Each question has a hidden memory strength s (days) and forgets exponentially: recall after t days is
 *       0.9^(t/s). This is deliberately not FSRS's power curve, so Retake's picker does not get to model the
 *       learner exactly.</li>
 *   <li>Prior knowledge: {@value #FAMILIAR_SHARE} of the questions are already familiar (s uniform in 10–60
 *       days, last rehearsed up to 30 days ago); the rest are unfamiliar (s 0.1–1 day, not rehearsed for 30 days,
 *       so recall starts near zero).</li>
 *   <li>Each question has a hardness h uniform in 0.5–1.5. Answering succeeds with probability = recall. A
 *       success multiplies s by 1 + 2.5·(1 − recall)/h, plus half a day (effortful recall strengthens memory
 *       more); a failure, after reading the talking points, leaves s = s/2 + 1/h.</li>
 *   <li>The learner rates honestly but noisily: a failure is "unprepared"; a success is "nailed" at recall
 *       ≥ 0.9, "good" at ≥ 0.6, else "shaky"; one rating in ten is off by one level.</li>
 *   <li>One session of {@value #SESSION} takes a day. Before each day's session the bank is checked: a question
 *       is prepared when its recall at that moment is at least {@value #PREPARED_RECALL}.</li>
 * </ul>
 * The result for a strategy is the number of takes until {@value #TARGET_SHARE} of the bank is prepared.
 */
public final class Simulation {

    static final double FAMILIAR_SHARE = 0.4;
    static final int SESSION = 10;
    static final double PREPARED_RECALL = 0.8;
    static final double TARGET_SHARE = 0.9;
    static final int MAX_DAYS = 3650;

    private Simulation() {
    }

    /** A way of choosing the next question. */
    public interface Strategy {
        String name();

        /** Chooses a question index for the take at {@code now}; {@code recent} holds indexes, most recent last. */
        int choose(Instant now, List<Integer> recent);

        /** Learns how the take went. */
        void rated(int question, Instant at, Rating rating);
    }

    /** Takes until the target share was prepared, or empty if it was not reached within the time limit. */
    public record Outcome(String strategy, Optional<Integer> takes, int days) {
    }

    /** Runs one strategy on a fresh learner built from {@code seed}. */
    public static Outcome run(int questions, long seed, Strategy strategy) {
        Learner learner = new Learner(questions, new SplittableRandom(seed));
        RandomGenerator noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        Deque<Integer> recent = new ArrayDeque<>();
        int takes = 0;
        for (int day = 0; day < MAX_DAYS; day++) {
            Instant morning = start.plus(Duration.ofDays(day));
            if (learner.preparedShare(morning) >= TARGET_SHARE) {
                return new Outcome(strategy.name(), Optional.of(takes), day);
            }
            for (int i = 0; i < SESSION; i++) {
                Instant now = morning.plus(Duration.ofMinutes(3L * i));
                int q = strategy.choose(now, List.copyOf(recent));
                Rating rating = learner.answer(q, now, noise);
                strategy.rated(q, now, rating);
                recent.addLast(q);
                if (recent.size() > SpringPicker.MAX_HELD_BACK) {
                    recent.removeFirst();
                }
                takes++;
            }
        }
        return new Outcome(strategy.name(), Optional.empty(), MAX_DAYS);
    }

    /** The hidden truth about the learner's memory. */
    static final class Learner {
        private final double[] strength;
        private final double[] hardness;
        private final Instant[] last;

        Learner(int questions, RandomGenerator random) {
            strength = new double[questions];
            hardness = new double[questions];
            last = new Instant[questions];
            Instant start = Instant.parse("2026-01-05T08:00:00Z");
            for (int i = 0; i < questions; i++) {
                hardness[i] = 0.5 + random.nextDouble();
                if (random.nextDouble() < FAMILIAR_SHARE) {
                    strength[i] = 10 + 50 * random.nextDouble();
                    last[i] = start.minus(Duration.ofMinutes((long) (30 * 1440 * random.nextDouble())));
                } else {
                    strength[i] = 0.1 + 0.9 * random.nextDouble();
                    last[i] = start.minus(Duration.ofDays(30));
                }
            }
        }

        double recall(int q, Instant at) {
            double days = Duration.between(last[q], at).toMillis() / 86_400_000.0;
            return Math.pow(0.9, Math.max(0, days) / strength[q]);
        }

        double preparedShare(Instant at) {
            int prepared = 0;
            for (int q = 0; q < strength.length; q++) {
                if (recall(q, at) >= PREPARED_RECALL) {
                    prepared++;
                }
            }
            return prepared / (double) strength.length;
        }

        Rating answer(int q, Instant at, RandomGenerator random) {
            double p = recall(q, at);
            boolean success = random.nextDouble() < p;
            Rating honest;
            if (success) {
                strength[q] = strength[q] * (1 + 2.5 * (1 - p) / hardness[q]) + 0.5;
                honest = p >= 0.9 ? Rating.NAILED : p >= 0.6 ? Rating.GOOD : Rating.SHAKY;
            } else {
                strength[q] = strength[q] / 2 + 1 / hardness[q];
                honest = Rating.UNPREPARED;
            }
            last[q] = at;
            if (random.nextDouble() < 0.1) {
                int shifted = honest.grade() + (random.nextBoolean() ? 1 : -1);
                honest = Rating.values()[Math.max(1, Math.min(4, shifted)) - 1];
            }
            return honest;
        }
    }

    /** Uniformly random, holding back the last few like Retake does. */
    public static Strategy uniform(int questions, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        return new Strategy() {
            @Override
            public String name() {
                return "uniform random";
            }

            @Override
            public int choose(Instant now, List<Integer> recent) {
                int held = SpringPicker.heldBack(questions);
                List<Integer> avoid = recent.subList(Math.max(0, recent.size() - held), recent.size());
                int q;
                do {
                    q = random.nextInt(questions);
                } while (avoid.contains(q));
                return q;
            }

            @Override
            public void rated(int question, Instant at, Rating rating) {
            }
        };
    }

    /**
     * A Leitner rotation: five boxes reviewed every 1, 2, 4, 8 and 16 days. Good or nailed moves a question up a
     * box, unprepared sends it back to the first, shaky leaves it. Each session takes due questions from the
     * lowest box first, then questions never seen.
     */
    public static Strategy leitner(int questions, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        int[] box = new int[questions];
        Instant[] due = new Instant[questions];
        return new Strategy() {
            @Override
            public String name() {
                return "Leitner boxes";
            }

            @Override
            public int choose(Instant now, List<Integer> recent) {
                int bestBox = Integer.MAX_VALUE;
                List<Integer> best = new ArrayList<>();
                for (int q = 0; q < questions; q++) {
                    if (recent.contains(q)) {
                        continue;
                    }
                    boolean seen = due[q] != null;
                    if (seen && due[q].isAfter(now)) {
                        continue;
                    }
                    int rank = seen ? box[q] : 5; // unseen questions come after every due one
                    if (rank < bestBox) {
                        bestBox = rank;
                        best.clear();
                    }
                    if (rank == bestBox) {
                        best.add(q);
                    }
                }
                if (best.isEmpty()) {
                    // Nothing due: review the question due soonest.
                    int soonest = -1;
                    for (int q = 0; q < questions; q++) {
                        if (!recent.contains(q) && (soonest < 0 || due[q].isBefore(due[soonest]))) {
                            soonest = q;
                        }
                    }
                    return soonest;
                }
                return best.get(random.nextInt(best.size()));
            }

            @Override
            public void rated(int question, Instant at, Rating rating) {
                if (rating == Rating.UNPREPARED) {
                    box[question] = 0;
                } else if (rating != Rating.SHAKY) {
                    box[question] = Math.min(4, box[question] + 1);
                }
                // Due at the start of the day the box's interval ends, so a box-1 question comes back tomorrow.
                due[question] = at.plus(Duration.ofDays(1L << box[question])).minus(Duration.ofHours(2));
            }
        };
    }

    /** Retake's own picker, fed with the same attempts the app would log. */
    public static Strategy retake(int questions, long seed) {
        SpringPicker picker = new SpringPicker(new SplittableRandom(seed));
        List<Question> bank = new ArrayList<>(questions);
        for (int q = 0; q < questions; q++) {
            bank.add(new Question("q" + q, "simulated", "Question " + q, List.of(), List.of(), List.of(),
                    Difficulty.MEDIUM, "", Map.of(), "sim", 0));
        }
        Preparedness[] memory = {Preparedness.replay(List.of(), Attempt.DEFAULT_PROFILE)};
        return new Strategy() {
            @Override
            public String name() {
                return "Retake weak-spot picker";
            }

            @Override
            public int choose(Instant now, List<Integer> recent) {
                List<String> recentIds = recent.stream().map(i -> "q" + i).toList();
                Preparedness current = memory[0];
                return Integer.parseInt(picker.pick(bank, q -> current.weakness(q.id(), now), recentIds).orElseThrow()
                        .question().id().substring(1));
            }

            @Override
            public void rated(int question, Instant at, Rating rating) {
                memory[0] = memory[0].with(new Attempt(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), "sim", "",
                        "q" + question, "sim", Mode.SOLO, Attempt.DEFAULT_PROFILE, Optional.of(rating),
                        Optional.empty(), Duration.ofMinutes(2), Optional.empty(), Optional.empty(), Map.of()));
            }
        };
    }
}
