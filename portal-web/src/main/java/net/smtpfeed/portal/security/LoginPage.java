package net.smtpfeed.portal.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import net.smtpfeed.domain.login.LoginThrottle;
import net.smtpfeed.portal.format.Labels;

/**
 * /login.xhtml: hands the credentials to Jakarta Security and sends the caller on, unless the login throttle refuses
 * the attempt first. The refusal reads the same whether or not the account exists.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    private SecurityContext security;

    @Inject
    private FacesContext faces;

    @Inject
    private LoginGuard guard;

    private String username;
    private String password;

    public String submit() {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String clientAddress = request.getRemoteAddr();
        Optional<Instant> refused = guard.refusedUntil(username, clientAddress);
        if (refused.isPresent()) {
            tell(Labels.of(faces).format("login.throttled", LoginThrottle.minutesToWait(refused.get(), Instant.now())));
            return null;
        }
        // A new session id before the caller becomes someone: an id planted beforehand (session fixation) is worth
        // nothing. Before, not after: after a successful login the mechanism may already have sent its redirect.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, password)));
        switch (status) {
            case SEND_CONTINUE:
                // The mechanism has already redirected to the protected page that sent the caller here.
                guard.succeeded(username);
                faces.responseComplete();
                return null;
            case SUCCESS:
                guard.succeeded(username);
                return landingPage() + "?faces-redirect=true";
            default:
                guard.failed(username, clientAddress);
                tell(Labels.of(faces).text("login.failed"));
                return null;
        }
    }

    private void tell(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Where a caller who came to the login page of their own accord starts: the page of their role. */
    private String landingPage() {
        if (security.isCallerInRole(SecurityConfiguration.CUSTOMER)) {
            return "/customer/dashboard";
        }
        return security.isCallerInRole(SecurityConfiguration.STAFF) ? "/staff/queue" : "/index";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
