package net.smtpfeed.domain.greylist;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.time.Instant;

/** A client network and how many of its triplets have passed greylisting: enough of them whitelist the network. */
@Entity
@NamedQuery(name = GreylistNetwork.PURGE, query = "delete from GreylistNetwork n where n.lastSeen < :maxAgeStart")
@NamedQuery(name = GreylistNetwork.SEEN,
        query = "update GreylistNetwork n set n.lastSeen = :now where n.network = :network and n.lastSeen < :now")
public class GreylistNetwork {

    static final String PURGE = "GreylistNetwork.purge";
    static final String SEEN = "GreylistNetwork.seen";

    @Id
    private String network;

    private int passes;

    private Instant lastSeen;

    protected GreylistNetwork() {
    }

    GreylistNetwork(ClientNetwork network, Instant now) {
        this.network = network.value();
        this.passes = 0;
        this.lastSeen = now;
    }

    /** One more of the network's triplets passed; a network unseen for longer than maxAge counts from zero again. */
    void countPass(Instant now, GreylistSettings settings) {
        if (isExpired(now, settings)) {
            passes = 0;
        }
        passes++;
        lastSeen = now;
    }

    boolean isWhitelisted(Instant now, GreylistSettings settings) {
        return passes >= settings.autoWhitelistAfter() && !isExpired(now, settings);
    }

    private boolean isExpired(Instant now, GreylistSettings settings) {
        return lastSeen.plus(settings.maxAge()).isBefore(now);
    }

    public String getNetwork() {
        return network;
    }

    public int getPasses() {
        return passes;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }
}
