package net.smtpfeed.portal.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Marks the words of a search in a result's title, summary and text, and cuts an excerpt of the text around them. */
final class Highlighter {

    private static final String ELLIPSIS = "\u2026";

    private final List<String> words;

    Highlighter(List<String> words) {
        this.words = words;
    }

    /** The text in pieces, each either a match of a word (in any case) or the text between matches. */
    List<Segment> marked(String text) {
        boolean[] match = new boolean[text.length()];
        for (String word : words) {
            for (int i = 0; i + word.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, word, 0, word.length())) {
                    Arrays.fill(match, i, i + word.length(), true);
                }
            }
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || match[i] != match[start]) {
                segments.add(new Segment(text.substring(start, i), match[start]));
                start = i;
            }
        }
        return segments;
    }

    /**
     * About {@code width} characters of the text, cut at spaces, that begin a little before the first match; marked.
     * Empty when no word occurs in the text.
     */
    List<Segment> excerpt(String text, int width) {
        int first = firstMatch(text);
        if (first < 0) {
            return List.of();
        }
        int start = Math.max(0, first - width / 3);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space < 0 || space >= first ? start : space + 1;
        }
        int end = Math.min(text.length(), start + width);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space <= first ? end : space;
        }
        List<Segment> excerpt = new ArrayList<>();
        if (start > 0) {
            excerpt.add(new Segment(ELLIPSIS + " ", false));
        }
        excerpt.addAll(marked(text.substring(start, end)));
        if (end < text.length()) {
            excerpt.add(new Segment(" " + ELLIPSIS, false));
        }
        return excerpt;
    }

    private int firstMatch(String text) {
        int first = -1;
        for (int i = 0; i < text.length() && first < 0; i++) {
            for (String word : words) {
                if (!word.isEmpty() && text.regionMatches(true, i, word, 0, word.length())) {
                    first = i;
                    break;
                }
            }
        }
        return first;
    }

    /** A piece of text, and whether it is a match. A class, not a record: EL 5 reads getters. */
    public static final class Segment {

        private final String text;
        private final boolean match;

        Segment(String text, boolean match) {
            this.text = text;
            this.match = match;
        }

        public String getText() {
            return text;
        }

        public boolean isMatch() {
            return match;
        }

        @Override
        public String toString() {
            return match ? "[" + text + "]" : text;
        }
    }
}
