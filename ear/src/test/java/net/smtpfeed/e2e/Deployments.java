package net.smtpfeed.e2e;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as `mvn package` built it: the end-to-end tests deploy the product, not a test assembly. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive productEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("e2e.ear")));
    }
}
