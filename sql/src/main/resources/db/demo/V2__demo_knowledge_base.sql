-- The demo knowledge base in English and German: German category names, article 67 as it describes the product now
-- (in both languages), and three more articles, one of them (69) in English only, so that the fallback shows.
-- [[outbound-addresses]] in a body is replaced, when the page is shown, by smtpfeed.relay.outbound-addresses.

INSERT INTO kb_category_translation (category_id, language_code, name)
    SELECT id, 'de', 'Wissensdatenbank' FROM kb_category WHERE name = 'Knowledge Base';
INSERT INTO kb_category_translation (category_id, language_code, name)
    SELECT id, 'de', 'Hosting' FROM kb_category WHERE name = 'Hosting';
INSERT INTO kb_category_translation (category_id, language_code, name)
    SELECT id, 'de', 'E-Mail' FROM kb_category WHERE name = 'E-mail';

UPDATE kb_article SET
    summary = 'Have the mail for your domain checked by us and relayed to your own mail server, instead of collecting it from POP3 mailboxes.',
    body_html = '<p>With an <strong>SMTP feed</strong> our relay receives the mail for your domain, checks it, and passes
every message on to your own mail server at the IP address you give us. You keep running your mailboxes yourself; we
stand in front of them.</p>
<h2>Requesting a feed</h2>
<ol>
<li>Log in to the customer portal and open the <a href="/customer/feed-request.xhtml">SMTP feed request form</a>.</li>
<li>Enter your domain, the IP address of your mail server and its port (usually 25).</li>
<li>Choose whether we greylist (on by default), whether we check for spam, and what we do at each spam level. You can
change the spam settings at any time later.</li>
<li>Send the request. Our staff test a connection to your server and switch the feed on; the portal shows where your
request stands.</li>
</ol>
<h2>What happens to a message</h2>
<ul>
<li><strong>Only your domains.</strong> We accept mail only for the domains we host for you and refuse everything
else: our relay is never an open relay.</li>
<li><strong>Greylisting.</strong> A server we have not seen before with this sender and recipient is asked to try
again a few minutes later. Real mail servers do; most spam sources never come back. A combination that retried is
remembered, and a server that retried often passes at once.</li>
<li><strong>Virus scan.</strong> Every message is scanned before we accept it, while the sender is still connected.
Infected mail is refused and never reaches you. When the scanner cannot give a verdict, the sender is asked to try
later: we never pass on mail unscanned.</li>
<li><strong>Spam levels.</strong> With spam checking on, each message gets a score and from it a level: None, Low
(from 3.0), Med (from 5.0) or High (from 10.0). For each level you choose the action: nothing; hidden headers
(<code>X-Spam-Level</code>, <code>X-Spam-Score</code>) for your own filters; a tag such as <code>[SPAM: low]</code> in
front of the subject; or deletion. By default Low and Med are tagged and High is deleted.</li>
<li><strong>Quarantine.</strong> A deleted message is kept in quarantine for 7 days. You see it in the portal and can
release one that is not spam; it is then delivered to you at once.</li>
<li><strong>Delivery and the queue.</strong> We relay each message to your server, usually within seconds. While your
server is down or asks us to try later, the message waits in our queue and we retry every few minutes, for up to 2
days; when your server is back, everything waiting is delivered in the order it arrived. Planning a longer outage? Ask
us to extend the queue. Only mail still undelivered after that, or refused by your server for good, goes back to its
sender with a notice.</li>
</ul>
<p>The message log in the portal shows what happened to each of your messages: accepted, delivered, waiting in the
queue and why, or in quarantine.</p>
<h2>Tips for your mail server</h2>
<ul>
<li>Accept mail for your domain from our relay''s addresses only: [[outbound-addresses]]. These are the addresses we
deliver from. Anyone else who connects to your server directly would get past our virus scan, greylisting and spam
checks.</li>
<li>Do not greylist or rate-limit our relay on your server: we have done that for you, and every delay there holds up
all your mail.</li>
<li>Make sure your server knows every address of your domain. A message it refuses for good goes back to the sender at
once.</li>
</ul>'
WHERE id = 67;

INSERT INTO kb_article (id, category_id, title, summary, body_html, created_at, modified_at) VALUES
    (68, (SELECT id FROM kb_category WHERE name = 'E-mail'), 'Spam levels and what happens at each',
     'How a spam score becomes a level, which actions you can choose, and how to get back a message that was deleted.',
     '<p>When spam checking is on for your domain, every message gets a spam score. Your thresholds turn the score into a
level, and your action for that level decides what happens to the message.</p>
<h2>The levels</h2>
<ul>
<li><strong>None</strong>: below 3.0. Delivered unchanged.</li>
<li><strong>Low</strong>: from 3.0. By default the subject gets <code>[SPAM: low]</code> in front.</li>
<li><strong>Med</strong>: from 5.0. By default the subject gets <code>[SPAM: med]</code> in front.</li>
<li><strong>High</strong>: from 10.0. By default the message is deleted and kept in quarantine.</li>
</ul>
<h2>The actions</h2>
<p>For each level you choose: nothing, hidden headers only (<code>X-Spam-Flag</code>, <code>X-Spam-Level</code>,
<code>X-Spam-Score</code>, for the filters of your own server), a text in front of the subject, or deletion. A changed
setting applies from the next message on.</p>
<h2>Getting a message back</h2>
<p>Deleted messages wait in quarantine for 7 days. Open <em>Quarantine</em> in the portal and release the message: it
is delivered to your server at once, with its spam headers, and is not deleted again.</p>',
     TIMESTAMP '2025-02-03 10:00:00', TIMESTAMP '2026-10-14 08:45:00'),
    (69, (SELECT id FROM kb_category WHERE name = 'E-mail'), 'Why the first message from a new sender arrives a few minutes late',
     'Greylisting explained: what the sending server sees, why real mail still arrives, and when it is skipped.',
     '<p>Greylisting is on by default for a new feed. The first time a server we have not seen sends mail from a sender
to one of your recipients, we answer <code>451 4.7.1</code>: please try again later.</p>
<p>Real mail servers keep the message and try again after a few minutes; we then accept it and remember the
combination, so that later mail from that sender arrives without delay. Most spam software never tries again.</p>
<p>A server that has passed several times is trusted as a whole. If you need mail from one partner without any delay,
ask us to whitelist their network or domain.</p>',
     TIMESTAMP '2025-02-03 10:30:00', TIMESTAMP '2025-09-02 16:20:00'),
    (70, (SELECT id FROM kb_category WHERE name = 'Hosting'), 'What happens to your mail while your server is down',
     'Your mail waits in our queue for up to 2 days and is delivered as soon as your server answers again.',
     '<p>When your mail server does not answer, or asks us to try later, nothing is lost: the message waits in our queue.
We try again after 1, 2 and 4 minutes and then every 5 minutes.</p>
<p>When your server answers again, all waiting mail is delivered at once, in the order it arrived. The message log in
the portal shows each waiting message and the last answer we got from your server.</p>
<p>Messages wait for up to 2 days. For a planned move or a longer repair, ask us in good time: we can extend the queue
of your domain, up to 14 days in all. A message still undelivered at the end goes back to its sender with a notice.</p>',
     TIMESTAMP '2025-05-20 12:00:00', TIMESTAMP '2026-06-30 09:10:00');

INSERT INTO kb_article_translation (article_id, language_code, title, summary, body_html) VALUES
    (67, 'de', 'So beantragen und verwalten Sie einen SMTP-Feed',
     'Lassen Sie die E-Mails Ihrer Domain von uns prüfen und an Ihren eigenen Mailserver weiterleiten, statt sie aus POP3-Postfächern abzuholen.',
     '<p>Mit einem <strong>SMTP-Feed</strong> nimmt unser Relay die E-Mails für Ihre Domain an, prüft sie und leitet jede
Nachricht an Ihren eigenen Mailserver unter der IP-Adresse weiter, die Sie uns nennen. Ihre Postfächer betreiben Sie
weiterhin selbst; wir stehen davor.</p>
<h2>Einen Feed beantragen</h2>
<ol>
<li>Melden Sie sich im Kundenportal an und öffnen Sie das <a href="/customer/feed-request.xhtml">Antragsformular für
einen SMTP-Feed</a>.</li>
<li>Geben Sie Ihre Domain, die IP-Adresse Ihres Mailservers und seinen Port an (meist 25).</li>
<li>Wählen Sie, ob wir Greylisting verwenden (standardmäßig an), ob wir auf Spam prüfen und was wir auf jeder
Spam-Stufe tun. Die Spam-Einstellungen können Sie später jederzeit ändern.</li>
<li>Senden Sie den Antrag ab. Unsere Mitarbeiter testen eine Verbindung zu Ihrem Server und schalten den Feed frei;
im Portal sehen Sie, wie weit Ihr Antrag ist.</li>
</ol>
<h2>Was mit einer Nachricht geschieht</h2>
<ul>
<li><strong>Nur Ihre Domains.</strong> Wir nehmen E-Mails nur für die Domains an, die wir für Sie betreiben, und weisen
alles andere ab: Unser Relay ist nie ein offenes Relay.</li>
<li><strong>Greylisting.</strong> Ein Server, den wir mit diesem Absender und Empfänger noch nicht gesehen haben, wird
gebeten, es einige Minuten später noch einmal zu versuchen. Echte Mailserver tun das; die meisten Spam-Quellen kommen
nie wieder. Eine Kombination, die es erneut versucht hat, merken wir uns, und ein Server, der das oft getan hat, kommt
sofort durch.</li>
<li><strong>Virenprüfung.</strong> Jede Nachricht wird geprüft, bevor wir sie annehmen, solange der Absender noch
verbunden ist. Infizierte E-Mails werden abgewiesen und erreichen Sie nie. Kann der Scanner kein Urteil abgeben, wird
der Absender gebeten, es später zu versuchen: Ungeprüft geben wir nichts weiter.</li>
<li><strong>Spam-Stufen.</strong> Ist die Spam-Prüfung an, erhält jede Nachricht eine Bewertung und daraus eine Stufe:
None, Low (ab 3,0), Med (ab 5,0) oder High (ab 10,0). Für jede Stufe wählen Sie die Aktion: nichts; verborgene
Kopfzeilen (<code>X-Spam-Level</code>, <code>X-Spam-Score</code>) für Ihre eigenen Filter; eine Markierung wie
<code>[SPAM: low]</code> vor dem Betreff; oder Löschen. Standardmäßig werden Low und Med markiert und High gelöscht.</li>
<li><strong>Quarantäne.</strong> Eine gelöschte Nachricht bleibt 7 Tage in der Quarantäne. Sie sehen sie im Portal und
können eine Nachricht, die kein Spam ist, freigeben; sie wird Ihnen dann sofort zugestellt.</li>
<li><strong>Zustellung und Warteschlange.</strong> Wir leiten jede Nachricht an Ihren Server weiter, meist innerhalb
von Sekunden. Solange Ihr Server nicht erreichbar ist oder uns bittet, es später zu versuchen, wartet die Nachricht in
unserer Warteschlange, und wir versuchen es alle paar Minuten erneut, bis zu 2 Tage lang; ist Ihr Server wieder da,
wird alles Wartende in der Reihenfolge des Eingangs zugestellt. Planen Sie eine längere Unterbrechung? Bitten Sie uns,
die Warteschlange zu verlängern. Erst was danach noch nicht zugestellt ist oder von Ihrem Server endgültig abgelehnt
wird, geht mit einem Hinweis an den Absender zurück.</li>
</ul>
<p>Das Nachrichtenprotokoll im Portal zeigt, was mit jeder Ihrer Nachrichten geschehen ist: angenommen, zugestellt, in
der Warteschlange und warum, oder in Quarantäne.</p>
<h2>Tipps für Ihren Mailserver</h2>
<ul>
<li>Nehmen Sie E-Mails für Ihre Domain nur von den Adressen unseres Relays an: [[outbound-addresses]]. Von diesen
Adressen stellen wir zu. Wer sich sonst direkt mit Ihrem Server verbindet, käme an unserer Virenprüfung, dem
Greylisting und der Spam-Prüfung vorbei.</li>
<li>Verwenden Sie auf Ihrem Server kein Greylisting und keine Ratenbegrenzung für unser Relay: Das haben wir bereits
für Sie erledigt, und jede Verzögerung dort hält alle Ihre E-Mails auf.</li>
<li>Sorgen Sie dafür, dass Ihr Server jede Adresse Ihrer Domain kennt. Eine Nachricht, die er endgültig ablehnt, geht
sofort an den Absender zurück.</li>
</ul>'),
    (68, 'de', 'Spam-Stufen und was auf jeder geschieht',
     'Wie aus einer Spam-Bewertung eine Stufe wird, welche Aktionen Sie wählen können und wie Sie eine gelöschte Nachricht zurückholen.',
     '<p>Ist die Spam-Prüfung für Ihre Domain an, erhält jede Nachricht eine Spam-Bewertung. Ihre Schwellen machen daraus
eine Stufe, und Ihre Aktion für diese Stufe entscheidet, was mit der Nachricht geschieht.</p>
<h2>Die Stufen</h2>
<ul>
<li><strong>None</strong>: unter 3,0. Unverändert zugestellt.</li>
<li><strong>Low</strong>: ab 3,0. Standardmäßig steht <code>[SPAM: low]</code> vor dem Betreff.</li>
<li><strong>Med</strong>: ab 5,0. Standardmäßig steht <code>[SPAM: med]</code> vor dem Betreff.</li>
<li><strong>High</strong>: ab 10,0. Standardmäßig wird die Nachricht gelöscht und in der Quarantäne aufbewahrt.</li>
</ul>
<h2>Die Aktionen</h2>
<p>Für jede Stufe wählen Sie: nichts, nur verborgene Kopfzeilen (<code>X-Spam-Flag</code>, <code>X-Spam-Level</code>,
<code>X-Spam-Score</code>, für die Filter Ihres eigenen Servers), einen Text vor dem Betreff oder Löschen. Eine
geänderte Einstellung gilt ab der nächsten Nachricht.</p>
<h2>Eine Nachricht zurückholen</h2>
<p>Gelöschte Nachrichten warten 7 Tage in der Quarantäne. Öffnen Sie im Portal die <em>Quarantäne</em> und geben Sie
die Nachricht frei: Sie wird sofort an Ihren Server zugestellt, mit ihren Spam-Kopfzeilen, und nicht erneut
gelöscht.</p>'),
    (70, 'de', 'Was mit Ihren E-Mails geschieht, während Ihr Server nicht erreichbar ist',
     'Ihre E-Mails warten bis zu 2 Tage in unserer Warteschlange und werden zugestellt, sobald Ihr Server wieder antwortet.',
     '<p>Antwortet Ihr Mailserver nicht oder bittet er uns, es später zu versuchen, geht nichts verloren: Die Nachricht
wartet in unserer Warteschlange. Wir versuchen es nach 1, 2 und 4 Minuten erneut und danach alle 5 Minuten.</p>
<p>Antwortet Ihr Server wieder, werden alle wartenden E-Mails sofort zugestellt, in der Reihenfolge ihres Eingangs. Das
Nachrichtenprotokoll im Portal zeigt jede wartende Nachricht und die letzte Antwort Ihres Servers.</p>
<p>Nachrichten warten bis zu 2 Tage. Für einen geplanten Umzug oder eine längere Reparatur sprechen Sie uns
rechtzeitig an: Wir können die Warteschlange Ihrer Domain verlängern, auf bis zu 14 Tage insgesamt. Eine Nachricht, die
am Ende noch nicht zugestellt ist, geht mit einem Hinweis an den Absender zurück.</p>');

-- The words without markup for search, which the portal writes itself when staff save an article.
UPDATE kb_article SET body_text = REGEXP_REPLACE(body_html, '<[^>]*>', ' ') WHERE body_text IS NULL OR id = 67;
UPDATE kb_article_translation SET body_text = REGEXP_REPLACE(body_html, '<[^>]*>', ' ') WHERE body_text IS NULL;
