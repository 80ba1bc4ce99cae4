package app.retake.speech;

import app.retake.bank.Question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What can be measured from the words and their timings of one take; values that cannot be measured are empty.
 *
 * @param durationSeconds   length of the take as transcribed
 * @param words             number of recognised words
 * @param timeToFirstWord   seconds before the first word starts; empty when nothing was said
 * @param speakingSeconds   from the first word's start to the last word's end, so leading and trailing silence
 *                          does not count; empty when nothing was said
 * @param wordsPerMinute    words over speaking time; empty when speaking time is zero
 * @param longestPause      largest silence between consecutive words; empty with fewer than two words
 * @param longPauses        silences longer than {@link #LONG_PAUSE_SECONDS}, in order
 * @param meanConfidence    the recogniser's mean word confidence, to say how sure the words are; empty when none
 * @param fillers           filler phrases heard in a filler sense (see {@link FillerRules})
 * @param fillersPerMinute  fillers over speaking time; empty when speaking time is zero
 * @param hedges            hedging phrases heard
 * @param repeats           a word said again straight after itself ("the the"), at the second saying
 * @param coverage          each talking point of the question, covered or missed; empty without a question
 * @param star              which STAR parts were heard, for behavioural questions only
 * @param toneCues          bitter or negative phrasing heard
 * @param filledPauses      "um"/"uh" found in the sound by {@link FilledPauseDetector}, an estimate; empty when the
 *                          audio was not analysed, nothing was said, or the estimate is withheld
 *                          ({@link FilledPauseDetector#SHOWN_TO_USERS})
 */
public record SpeechMetrics(double durationSeconds, int words, OptionalDouble timeToFirstWord,
                            OptionalDouble speakingSeconds, OptionalDouble wordsPerMinute,
                            OptionalDouble longestPause, List<Pause> longPauses, OptionalDouble meanConfidence,
                            PhraseCounts fillers, OptionalDouble fillersPerMinute, PhraseCounts hedges,
                            List<Occurrence> repeats, List<PointCoverage> coverage, Optional<StarShape> star,
                            PhraseCounts toneCues, OptionalInt filledPauses) {

    /** A silence between words longer than this, in seconds, counts as a long pause. */
    public static final double LONG_PAUSE_SECONDS = 2.0;

    /** "I" followed by an action verb must be heard at least this often for the action part of STAR. */
    public static final int STAR_ACTION_MIN = 2;

    // "that that" and "had had" are grammatical, so doubling them is not a stumble.
    private static final Set<String> REPEAT_ALLOWED = Set.of("that", "had");

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
            "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "i",
            "you", "we", "they", "he", "she", "me", "my", "your", "our", "their", "his", "her", "them", "us", "do",
            "did", "does", "have", "has", "had", "what", "how", "why", "when", "where", "who", "which", "so",
            "if", "then", "than", "about", "into", "up", "out", "not", "no", "can", "could", "would", "should",
            "will", "just", "very", "really", "some", "any", "all", "each", "etc", "s");

    private static final List<String> SITUATION_CUES = List.of(
            "when i was", "at my last job", "at my previous job", "in my last role", "in my previous role",
            "at my last company", "at my previous company", "last year", "we had", "there was", "back when",
            "years ago", "months ago", "one time", "i was working");

    private static final Set<String> NOT_ACTIONS = Set.of(
            "think", "guess", "suppose", "mean", "was", "am", "had", "have", "do", "don't", "didn't", "dont", "like",
            "need", "feel", "felt", "wanted", "want", "hope", "believe", "know", "knew", "would", "could", "should",
            "really", "just", "also", "never", "always");

    private static final Set<String> IRREGULAR_ACTIONS = Set.of(
            "built", "wrote", "made", "ran", "led", "took", "spoke", "met", "put", "got", "went", "chose", "told",
            "gave", "found", "sat", "brought", "bought", "sent", "kept", "began", "drove", "fixed", "won",
            "did", "decide", "talk", "build", "write", "make", "run", "lead", "take", "speak", "meet", "set",
            "call", "ask", "create", "start", "organise", "organize", "propose", "suggest", "reach", "fix",
            "rewrote", "redesigned", "split", "cut", "showed", "shipped");

    private static final Set<String> NUMBER_WORDS = Set.of(
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
            "million", "billion", "percent", "half", "double", "doubled", "twice", "tripled");

    private static final List<String> OUTCOME_WORDS = List.of(
            "result", "outcome", "saved", "increased", "reduced", "improved", "delivered", "finished", "won",
            "learned", "learnt");

    public SpeechMetrics {
        longPauses = List.copyOf(longPauses);
        repeats = List.copyOf(repeats);
        coverage = List.copyOf(coverage);
    }

    /**
     * Measures a take from its words and its audio ({@code sampleRate} Hz mono, the audio the transcript was made
     * from), which adds the acoustic um/uh estimate while that estimate is shown to users.
     */
    public static SpeechMetrics of(Transcript transcript, short[] audio, int sampleRate, Optional<Question> question,
                                   MetricSettings settings) {
        SpeechMetrics fromWords = of(transcript, question, settings);
        if (!FilledPauseDetector.SHOWN_TO_USERS || audio.length == 0 || transcript.words().isEmpty()) {
            return fromWords;
        }
        int found = new FilledPauseDetector(sampleRate).detect(audio, transcript).size();
        return fromWords.withFilledPauses(OptionalInt.of(found));
    }

    private SpeechMetrics withFilledPauses(OptionalInt count) {
        return new SpeechMetrics(durationSeconds, words, timeToFirstWord, speakingSeconds, wordsPerMinute,
                longestPause, longPauses, meanConfidence, fillers, fillersPerMinute, hedges, repeats, coverage, star,
                toneCues, count);
    }

    /** Measures a take from its words alone, with the question it answered when there was one. */
    public static SpeechMetrics of(Transcript transcript, Optional<Question> question, MetricSettings settings) {
        List<Word> words = transcript.words();
        List<String> tokens = Tokens.of(words);
        int n = words.size();

        OptionalDouble firstWord = n == 0 ? OptionalDouble.empty() : OptionalDouble.of(words.get(0).start());
        OptionalDouble speaking = n == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(0, words.get(n - 1).end() - words.get(0).start()));
        OptionalDouble wpm = perMinute(n, speaking);

        List<Pause> longPauses = new ArrayList<>();
        OptionalDouble longest = OptionalDouble.empty();
        for (int i = 1; i < n; i++) {
            double gap = Math.max(0, words.get(i).start() - words.get(i - 1).end());
            if (longest.isEmpty() || gap > longest.getAsDouble()) {
                longest = OptionalDouble.of(gap);
            }
            if (gap > LONG_PAUSE_SECONDS) {
                longPauses.add(new Pause(i - 1, words.get(i - 1).end(), gap));
            }
        }
        OptionalDouble confidence = words.stream().mapToDouble(Word::confidence).average();

        PhraseCounts fillers = count(settings.fillers(), words, tokens, true);
        Optional<Question> q = question == null ? Optional.empty() : question;
        List<PointCoverage> coverage = q.map(x -> coverage(x.talkingPoints(), words, tokens, settings))
                .orElse(List.of());
        Optional<StarShape> star = q.filter(SpeechMetrics::isBehavioural).map(x -> star(tokens));

        return new SpeechMetrics(transcript.seconds(), n, firstWord, speaking, wpm, longest, longPauses, confidence,
                fillers, perMinute(fillers.total(), speaking), count(settings.hedges(), words, tokens, false),
                repeats(words, tokens), coverage, star, count(settings.toneCues(), words, tokens, false),
                OptionalInt.empty());
    }

    private static OptionalDouble perMinute(int count, OptionalDouble seconds) {
        if (seconds.isEmpty() || seconds.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(count * 60.0 / seconds.getAsDouble());
    }

    private static PhraseCounts count(List<String> phrases, List<Word> words, List<String> tokens, boolean filler) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Occurrence> hits = new ArrayList<>();
        for (String phrase : phrases) {
            List<String> pattern = Tokens.phrase(phrase);
            String key = String.join(" ", pattern);
            int found = 0;
            for (int start : Tokens.find(tokens, pattern)) {
                if (filler && !FillerRules.counts(key, words, tokens, start, pattern.size())) {
                    continue;
                }
                found++;
                hits.add(occurrence(phrase, words, start, pattern.size()));
            }
            counts.merge(phrase, found, Integer::sum);
        }
        hits.sort((a, b) -> a.wordIndex() != b.wordIndex() ? Integer.compare(a.wordIndex(), b.wordIndex())
                : Integer.compare(b.wordCount(), a.wordCount()));
        return new PhraseCounts(counts, hits);
    }

    private static Occurrence occurrence(String phrase, List<Word> words, int start, int length) {
        return new Occurrence(phrase, start, length, words.get(start).start(), words.get(start + length - 1).end());
    }

    private static List<Occurrence> repeats(List<Word> words, List<String> tokens) {
        List<Occurrence> repeats = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (!t.isEmpty() && t.equals(tokens.get(i - 1)) && !REPEAT_ALLOWED.contains(t)) {
                repeats.add(occurrence(t, words, i, 1));
            }
        }
        return repeats;
    }

    private static List<PointCoverage> coverage(List<String> points, List<Word> words, List<String> tokens,
                                                MetricSettings settings) {
        Map<String, String> groupOf = new HashMap<>();
        List<List<String>> multiWord = new ArrayList<>();
        for (int g = 0; g < settings.synonymGroups().size(); g++) {
            String key = "#" + g;
            for (String entry : settings.synonymGroups().get(g)) {
                List<String> stems = Tokens.phrase(entry).stream().map(Stemmer::stem).toList();
                if (stems.size() == 1) {
                    groupOf.putIfAbsent(stems.get(0), key);
                } else if (stems.size() > 1) {
                    multiWord.add(new ArrayList<>(stems));
                    multiWord.get(multiWord.size() - 1).add(0, key);
                }
            }
        }
        // Each answer word contributes its stem's group (or the stem itself), remembering the first word heard.
        List<String> stems = tokens.stream().map(Stemmer::stem).toList();
        Map<String, String> heard = new LinkedHashMap<>();
        for (int i = 0; i < stems.size(); i++) {
            if (!tokens.get(i).isEmpty() && !STOP_WORDS.contains(tokens.get(i))) {
                heard.putIfAbsent(groupOf.getOrDefault(stems.get(i), stems.get(i)), words.get(i).text());
            }
        }
        for (List<String> entry : multiWord) {
            List<String> pattern = entry.subList(1, entry.size());
            for (int start : Tokens.find(stems, pattern)) {
                List<String> said = words.subList(start, start + pattern.size()).stream().map(Word::text).toList();
                heard.putIfAbsent(entry.get(0), String.join(" ", said));
            }
        }

        List<PointCoverage> result = new ArrayList<>();
        for (String point : points) {
            Map<String, String> content = new LinkedHashMap<>();
            for (String token : Tokens.phrase(point)) {
                String plain = token.replace("*", "");
                if (!plain.isEmpty() && !STOP_WORDS.contains(plain)) {
                    String stem = Stemmer.stem(plain);
                    content.putIfAbsent(groupOf.getOrDefault(stem, stem), plain);
                }
            }
            List<String> matched = new ArrayList<>();
            for (String key : content.keySet()) {
                if (heard.containsKey(key)) {
                    matched.add(heard.get(key));
                }
            }
            int needed = Math.max(1, (content.size() + 1) / 2);
            result.add(new PointCoverage(point, !content.isEmpty() && matched.size() >= needed,
                    List.copyOf(content.values()), needed, matched));
        }
        return result;
    }

    private static boolean isBehavioural(Question q) {
        String category = q.category().strip().toLowerCase(Locale.ROOT);
        return category.equals("behavioural") || category.equals("behavioral") || q.hasTag("star");
    }

    /**
     * Situation: any of {@link #SITUATION_CUES}. Action: "I" then a past-tense word (ends in "ed", not "eed") or a
     * listed action verb, at least {@link #STAR_ACTION_MIN} times. Result: a number (digits, a number word other
     * than "one", or a per cent sign) or an outcome word, compared by stem.
     */
    private static StarShape star(List<String> tokens) {
        Set<String> situation = new LinkedHashSet<>();
        for (String cue : SITUATION_CUES) {
            if (!Tokens.find(tokens, Tokens.phrase(cue)).isEmpty()) {
                situation.add(cue);
            }
        }
        List<String> actions = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String next = tokens.get(i + 1);
            if (tokens.get(i).equals("i") && !NOT_ACTIONS.contains(next)
                    && (next.length() > 3 && next.endsWith("ed") && !next.endsWith("eed")
                    || IRREGULAR_ACTIONS.contains(next))) {
                actions.add("I " + next);
            }
        }
        Set<String> outcomeStems = new LinkedHashSet<>();
        OUTCOME_WORDS.forEach(w -> outcomeStems.add(Stemmer.stem(w)));
        Set<String> results = new LinkedHashSet<>();
        for (String t : tokens) {
            boolean number = t.chars().anyMatch(Character::isDigit) || t.contains("%") || NUMBER_WORDS.contains(t);
            if (number || !t.isEmpty() && outcomeStems.contains(Stemmer.stem(t))) {
                results.add(t);
            }
        }
        return new StarShape(StarShape.Part.of(List.copyOf(situation)),
                actions.size() >= STAR_ACTION_MIN ? StarShape.Part.of(actions) : new StarShape.Part(false, actions),
                StarShape.Part.of(List.copyOf(results)));
    }
}
