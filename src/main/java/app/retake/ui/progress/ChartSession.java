package app.retake.ui.progress;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.retake.progress.ProgressReport;

/**
 * A session as the charts show it: its figures and a label unique among the sessions charted ("3 Mar", then
 * "3 Mar (2)" for a second session that day), since a category axis merges equal labels.
 */
public record ChartSession(String label, ProgressReport.SessionPoint point) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.getDefault());

    /** Labels the sessions, in the order given. */
    static List<ChartSession> label(List<ProgressReport.SessionPoint> sessions) {
        Map<String, Integer> seen = new HashMap<>();
        List<ChartSession> labelled = new ArrayList<>(sessions.size());
        for (ProgressReport.SessionPoint p : sessions) {
            String day = DAY.format(p.date());
            int n = seen.merge(day, 1, Integer::sum);
            labelled.add(new ChartSession(n == 1 ? day : day + " (" + n + ")", p));
        }
        return labelled;
    }
}
