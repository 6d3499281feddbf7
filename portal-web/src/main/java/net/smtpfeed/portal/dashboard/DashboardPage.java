package net.smtpfeed.portal.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import net.smtpfeed.domain.mail.MailOutcome;
import net.smtpfeed.portal.security.CallerCustomer;

/** /customer/dashboard.xhtml: the caller's landing page, each of their domains with its mail of the last 30 days. */
@Named
@RequestScoped
public class DashboardPage {

    @Inject
    private Dashboard dashboard;

    @Inject
    private CallerCustomer callerCustomer;

    private List<DomainCard> cards;
    private TrafficChart chart;

    @PostConstruct
    void load() {
        cards = dashboard.cards(callerCustomer.id(), LocalDate.now(ZoneOffset.UTC));
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle labels = faces.getApplication().getResourceBundle(faces, "msg");
        chart = new TrafficChart(outcome -> labels.getString(outcomeKey(outcome)), faces.getViewRoot().getLocale());
    }

    public List<DomainCard> getCards() {
        return cards;
    }

    /** The card's chart as the JSON model p:chart takes. */
    public String chart(DomainCard card) {
        return chart.of(card.traffic()).toString();
    }

    public int getDays() {
        return Dashboard.DAYS;
    }

    /** The key of an outcome's label in the message bundle. */
    private static String outcomeKey(MailOutcome outcome) {
        return "dashboard.outcome." + outcome.name().toLowerCase(Locale.ROOT);
    }
}
