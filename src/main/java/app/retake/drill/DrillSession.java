package app.retake.drill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import app.retake.bank.Question;

/**
 * Springs the questions of one practice session according to its plan. Weakness is read afresh before every
 * pick, so a rating given during the session already steers the next question.
 */
public final class DrillSession {

    private final SessionPlan plan;
    private final List<Question> questions;
    private final Supplier<Preparedness> memory;
    private final SpringPicker picker;
    private final Clock clock;
    private final List<String> sprung = new ArrayList<>();
    private final Map<String, Integer> perCategory = new HashMap<>();
    private final Set<String> listAtStart;

    /**
     * @param memory the current preparedness, asked before every pick
     */
    public DrillSession(SessionPlan plan, Collection<Question> questions, Supplier<Preparedness> memory,
                        SpringPicker picker, Clock clock) {
        this.plan = plan;
        this.questions = List.copyOf(questions);
        this.memory = memory;
        this.picker = picker;
        this.clock = clock;
        Preparedness start = memory.get();
        Set<String> flagged = new HashSet<>();
        for (Question q : this.questions) {
            if (start.isUnprepared(q.id())) {
                flagged.add(Preparedness.key(q.id()));
            }
        }
        this.listAtStart = flagged;
    }

    public SessionPlan plan() {
        return plan;
    }

    /** How many questions the plan holds: fixed for drills and mocks, the flagged count for the list. */
    public int planned() {
        if (plan instanceof SessionPlan.QuickDrill drill) {
            return drill.count();
        }
        if (plan instanceof SessionPlan.FullMock mock) {
            return mock.length();
        }
        return listAtStart.size();
    }

    /** Ids sprung so far, in order. */
    public List<String> sprung() {
        return List.copyOf(sprung);
    }

    /** The next question, or empty when the plan is done (or nothing passes its filters). */
    public Optional<SpringPicker.Candidate> next() {
        if (sprung.size() >= planned()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Preparedness current = memory.get();
        List<Question> pool;
        if (plan instanceof SessionPlan.QuickDrill drill) {
            pool = WeakSpots.passing(questions, current, drill.filter());
        } else if (plan instanceof SessionPlan.FullMock mock) {
            pool = mockPool(mock, current);
        } else {
            pool = questions.stream()
                    .filter(q -> listAtStart.contains(Preparedness.key(q.id())))
                    .filter(q -> !sprung.contains(q.id()))
                    .toList();
        }
        Optional<SpringPicker.Candidate> pick = picker.pick(pool, q -> current.weakness(q.id(), now), sprung);
        pick.ifPresent(c -> {
            sprung.add(c.question().id());
            perCategory.merge(category(c.question()), 1, Integer::sum);
        });
        return pick;
    }

    private List<Question> mockPool(SessionPlan.FullMock mock, Preparedness current) {
        int position = sprung.size();
        if (position == 0) {
            List<Question> openers = WeakSpots.passing(questions, current,
                    SpringFilter.ANY.withCategories(Set.of(SessionPlan.OPENER_CATEGORY)));
            if (!openers.isEmpty()) {
                return openers;
            }
        }
        if (position == mock.length() - 1) {
            List<Question> closers = WeakSpots.passing(questions, current,
                    SpringFilter.ANY.withCategories(Set.of(SessionPlan.CLOSING_CATEGORY)));
            if (!closers.isEmpty()) {
                return closers;
            }
        }
        List<Question> middle = questions.stream()
                .filter(q -> !category(q).equals(SessionPlan.OPENER_CATEGORY)
                        && !category(q).equals(SessionPlan.CLOSING_CATEGORY))
                .filter(q -> perCategory.getOrDefault(category(q), 0) < mock.perCategory())
                .filter(q -> !sprung.contains(q.id()))
                .toList();
        return middle;
    }

    private static String category(Question q) {
        return q.category().toLowerCase(Locale.ROOT);
    }
}
