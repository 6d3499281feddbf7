package net.smtpfeed.domain.greylist;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.time.Instant;

/**
 * One triplet greylisting has seen. Found by its hash (unique); network, sender and recipient are kept for people
 * reading the table, cut to the column's length if need be.
 */
@Entity
@NamedQuery(name = GreylistEntry.BY_HASH, query = "select e from GreylistEntry e where e.tripletHash = :hash")
@NamedQuery(name = GreylistEntry.PURGE, query = "delete from GreylistEntry e where"
        + " (e.passedAt is null and e.firstSeen < :retryWindowStart) or (e.passedAt is not null and e.lastSeen < :maxAgeStart)")
public class GreylistEntry {

    static final String BY_HASH = "GreylistEntry.byHash";
    static final String PURGE = "GreylistEntry.purge";

    private static final int MAX_ADDRESS_LENGTH = 512;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String tripletHash;

    private String clientNetwork;

    private String sender;

    private String recipient;

    private Instant firstSeen;

    private Instant lastSeen;

    private Instant passedAt;

    protected GreylistEntry() {
    }

    GreylistEntry(Triplet triplet, Instant now) {
        this.tripletHash = triplet.hash();
        this.clientNetwork = triplet.network().value();
        this.sender = cut(triplet.sender());
        this.recipient = cut(triplet.recipient());
        this.firstSeen = now;
        this.lastSeen = now;
    }

    private static String cut(String address) {
        return address.length() <= MAX_ADDRESS_LENGTH ? address : address.substring(0, MAX_ADDRESS_LENGTH);
    }

    /** Seen as if for the first time: the delay runs again from now. */
    void startOver(Instant now) {
        firstSeen = now;
        lastSeen = now;
        passedAt = null;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    void passed(Instant now) {
        passedAt = now;
        lastSeen = now;
    }

    public Long getId() {
        return id;
    }

    public String getTripletHash() {
        return tripletHash;
    }

    public String getClientNetwork() {
        return clientNetwork;
    }

    public String getSender() {
        return sender;
    }

    public String getRecipient() {
        return recipient;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    /** When a retry first passed; null while the triplet is still greylisted. */
    public Instant getPassedAt() {
        return passedAt;
    }

    public boolean isPassed() {
        return passedAt != null;
    }
}
