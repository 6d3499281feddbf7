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

/** /login.xhtml: hands the credentials to Jakarta Security and sends the caller on. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    private SecurityContext security;

    @Inject
    private FacesContext faces;

    private String username;
    private String password;

    public String submit() {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, password)));
        switch (status) {
            case SEND_CONTINUE:
                // The mechanism has already redirected to the protected page that sent the caller here.
                faces.responseComplete();
                return null;
            case SUCCESS:
                return landingPage() + "?faces-redirect=true";
            default:
                String text = faces.getApplication().getResourceBundle(faces, "msg").getString("login.failed");
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
                return null;
        }
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
