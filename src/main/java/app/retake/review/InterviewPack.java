package app.retake.review;

import java.time.LocalDate;
import java.util.List;

import app.retake.bank.Question;

/**
 * A printable HTML page for a friend who runs the mock interview from paper: each question with what a strong
 * answer covers and the follow-ups to try, the usual flags to tick, and an empty rubric and notes per question.
 * The page is self-contained (no scripts, no links out), so it opens and prints anywhere.
 */
public final class InterviewPack {

    private InterviewPack() {
    }

    /**
     * @param candidate whose interview it is, for the heading; may be empty
     * @param day       the date printed on the page
     */
    public static String html(String candidate, List<Question> questions, LocalDate day) {
        StringBuilder out = new StringBuilder(8192);
        String who = candidate == null || candidate.isBlank() ? "" : " with " + escape(candidate.strip());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Mock interview").append(who).append("</title>\n<style>\n")
                .append("body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }\n")
                .append("h1 { font-size: 1.6em; margin-bottom: 0.2em; }\n")
                .append(".intro { color: #444; margin-bottom: 2em; }\n")
                .append(".question { border-top: 2px solid #333; padding-top: 0.8em; margin-top: 1.6em; ")
                .append("page-break-inside: avoid; }\n")
                .append(".question h2 { font-size: 1.2em; margin: 0.2em 0 0.6em; }\n")
                .append(".meta { color: #555; font-size: 0.9em; }\n")
                .append("table.rubric { border-collapse: collapse; margin: 0.6em 0; }\n")
                .append("table.rubric td, table.rubric th { border: 1px solid #888; padding: 0.25em 0.6em; }\n")
                .append("table.rubric td.box { width: 1.6em; }\n")
                .append(".flags span { display: inline-block; margin-right: 1.2em; }\n")
                .append(".notes { border-bottom: 1px solid #888; height: 1.6em; }\n")
                .append("@media print { body { margin: 1cm; } }\n")
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>Mock interview").append(who).append("</h1>\n");
        out.append("<p class=\"intro\">").append(escape(day.toString())).append(" · ").append(questions.size())
                .append(questions.size() == 1 ? " question" : " questions")
                .append(". Ask each question as written; the notes under it are for you, not the candidate. ")
                .append("Tick a flag when you see it, score the answer 1 (poor) to 5 (excellent), and note one ")
                .append("thing to keep and one to change.</p>\n");
        int n = 0;
        for (Question q : questions) {
            n++;
            out.append("<section class=\"question\">\n<div class=\"meta\">").append(n).append(". ")
                    .append(escape(q.category())).append("</div>\n<h2>").append(escape(q.text())).append("</h2>\n");
            if (!q.talkingPoints().isEmpty()) {
                out.append("<p><strong>A strong answer covers</strong></p>\n<ul>\n");
                q.talkingPoints().forEach(p -> out.append("<li>").append(escape(p)).append("</li>\n"));
                out.append("</ul>\n");
            }
            if (!q.followUps().isEmpty()) {
                out.append("<p><strong>Follow-ups to try</strong></p>\n<ul>\n");
                q.followUps().forEach(p -> out.append("<li>").append(escape(p)).append("</li>\n"));
                out.append("</ul>\n");
            }
            out.append("<p class=\"flags\"><strong>Flags:</strong> ");
            Flag.STANDARD.forEach(f -> out.append("<span>&#9744; ").append(escape(f)).append("</span>"));
            out.append("</p>\n<table class=\"rubric\">\n<tr><th></th>");
            for (int score = Rubric.MIN; score <= Rubric.MAX; score++) {
                out.append("<th>").append(score).append("</th>");
            }
            out.append("</tr>\n");
            for (Rubric.Criterion c : Rubric.Criterion.values()) {
                out.append("<tr><th title=\"").append(escape(c.hint())).append("\">").append(escape(c.label()))
                        .append("</th>");
                for (int score = Rubric.MIN; score <= Rubric.MAX; score++) {
                    out.append("<td class=\"box\"></td>");
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n<p><strong>Notes</strong></p>\n<div class=\"notes\"></div>\n")
                    .append("<div class=\"notes\"></div>\n</section>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** Text made safe for HTML content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
