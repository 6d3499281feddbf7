package net.smtpfeed.domain.login;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One failed login: the account name as typed (normalised), whether or not it exists, and the client's address. */
@Entity
public class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String account;

    private String clientAddress;

    private Instant failedAt;

    protected LoginFailure() {
    }

    LoginFailure(String account, String clientAddress, Instant failedAt) {
        this.account = account;
        this.clientAddress = clientAddress;
        this.failedAt = failedAt;
    }
}
