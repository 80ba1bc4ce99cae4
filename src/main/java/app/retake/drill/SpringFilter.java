package app.retake.drill;

import java.util.Set;
import java.util.stream.Collectors;

import app.retake.bank.Question;

/**
 * Which questions may be sprung. Empty sets mean "any"; names compare ignoring case.
 *
 * @param unpreparedOnly only questions still flagged unprepared ("the list")
 * @param newOnly        only questions never rated
 */
public record SpringFilter(Set<String> banks, Set<String> categories, Set<String> tags, boolean unpreparedOnly,
                           boolean newOnly) {

    /** Everything may be sprung. */
    public static final SpringFilter ANY = new SpringFilter(Set.of(), Set.of(), Set.of(), false, false);

    public SpringFilter {
        banks = lower(banks);
        categories = lower(categories);
        tags = lower(tags);
    }

    public SpringFilter withCategories(Set<String> only) {
        return new SpringFilter(banks, only, tags, unpreparedOnly, newOnly);
    }

    public SpringFilter unprepared() {
        return new SpringFilter(banks, categories, tags, true, newOnly);
    }

    /** Whether {@code q} passes, given what {@code memory} knows of it. */
    public boolean test(Question q, Preparedness memory) {
        if (!banks.isEmpty() && !banks.contains(q.bank().toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        if (!categories.isEmpty() && !categories.contains(q.category().toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        if (!tags.isEmpty() && q.tags().stream().noneMatch(t -> tags.contains(t.toLowerCase(java.util.Locale.ROOT)))) {
            return false;
        }
        if (unpreparedOnly && !memory.isUnprepared(q.id())) {
            return false;
        }
        return !newOnly || memory.isNew(q.id());
    }

    private static Set<String> lower(Set<String> names) {
        return names == null ? Set.of()
                : names.stream().map(n -> n.strip().toLowerCase(java.util.Locale.ROOT)).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
