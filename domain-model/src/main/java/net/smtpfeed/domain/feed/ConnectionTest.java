package net.smtpfeed.domain.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.List;

/** The last connection test staff ran for a feed request, kept so that whoever approves sees what it found. */
@Embeddable
public class ConnectionTest {

    /** What the column holds; a conversation of a few commands never comes near it, a chatty server may. */
    static final int MAX_TRANSCRIPT_LENGTH = 4000;

    private Instant testedAt;

    private String testedBy;

    @Column(name = "test_passed")
    private Boolean passed;

    @Column(name = "test_verdict")
    private String verdict;

    @Column(name = "test_transcript")
    private String transcript;

    protected ConnectionTest() {
    }

    ConnectionTest(ConnectionTestResult result, String testedBy, Instant testedAt) {
        this.testedAt = testedAt;
        this.testedBy = testedBy;
        this.passed = result.passed();
        this.verdict = result.verdict();
        String text = String.join("\n", result.transcript());
        this.transcript = text.length() <= MAX_TRANSCRIPT_LENGTH ? text
                : text.substring(0, MAX_TRANSCRIPT_LENGTH - 2) + "\n…";
    }

    public Instant getTestedAt() {
        return testedAt;
    }

    public String getTestedBy() {
        return testedBy;
    }

    public boolean isPassed() {
        return Boolean.TRUE.equals(passed);
    }

    public String getVerdict() {
        return verdict;
    }

    public List<String> getTranscript() {
        return transcript == null || transcript.isEmpty() ? List.of() : List.of(transcript.split("\n"));
    }
}
