package net.smtpfeed.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver (Selenium Manager is never asked to download one),
 * with the few steps a person takes on the portal, and a screenshot of each page for looking at afterwards.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final WebDriverWait wait;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // While a click replaces the page, chromedriver may fail to read a node of the old one ("does not belong to
        // the document"): that is not an answer yet, so every wait goes on until the new page answers.
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(WebDriverException.class);
    }

    Browser open(String path) {
        driver.get(TestSystem.portalUrl(path));
        return this;
    }

    Browser click(By target) {
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
        return this;
    }

    WebElement find(By target) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    /** The text of the element once it is shown; read within the wait, so that a page being replaced is waited out. */
    String text(By target) {
        return wait.until(d -> {
            WebElement element = d.findElement(target);
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    /** Waits until the element shows the given text (for example a message after a post and its redirect). */
    String awaitText(By target, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(target, expected));
        return text(target);
    }

    /** Scrolls the page so that the element is at the top of the window, for a screenshot of what is further down. */
    Browser scrollTo(By target) {
        script("arguments[0].scrollIntoView(); window.scrollBy(0, -16);", find(target));
        return this;
    }

    /** Runs a script in the page, as the browser's console would; returns what it returns. */
    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Picks the option with that label in a PrimeFaces select menu, as a person does: open it, wait until its panel has
     * stopped moving in (a click during the transition lands on another option), click the option, and see it chosen.
     */
    Browser choose(By menu, String label) {
        WebElement select = find(menu);
        String id = select.getAttribute("id");
        click(menu);
        wait.until(d -> {
            WebElement panel = d.findElement(By.id(id + "_panel"));
            return panel.isDisplayed() && Arrays.stream(panel.getAttribute("class").split("\\s+"))
                    .noneMatch(token -> token.endsWith("-enter") || token.endsWith("-enter-active"));
        });
        click(By.xpath("//*[@id='" + id + "_panel']//*[contains(@class, 'ui-selectonemenu-item')]"
                + "[@data-label='" + label + "']"));
        wait.until(d -> select.findElement(By.cssSelector(".ui-selectonemenu-label")).getText().equals(label));
        return this;
    }

    /**
     * Runs a script in the page until it returns something other than null or false (for example once a chart has
     * been drawn), and returns that: numbers come back as Long or Double, objects as maps, arrays as lists.
     */
    Object awaitScript(String script, Object... arguments) {
        return wait.until(d -> {
            Object result = ((JavascriptExecutor) d).executeScript(script, arguments);
            return Boolean.FALSE.equals(result) ? null : result;
        });
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String currentPath() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    /** Waits for the page a click leads to: until the address starts with that path (and query); fails if it never does. */
    String awaitPath(String prefix) {
        try {
            wait.until(d -> currentPath().startsWith(prefix));
        } catch (TimeoutException e) {
            throw new AssertionError("expected a page at " + prefix + ", still at " + currentPath(), e);
        }
        return currentPath();
    }

    Browser logIn(String username, String password) {
        open("/login.xhtml");
        find(By.id("login:username")).sendKeys(username);
        find(By.id("login:password")).sendKeys(password);
        click(By.id("login:submit"));
        wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
        return this;
    }

    /** Saves what the page looks like now under target/screenshots, for a person to look at. */
    Browser screenshot(String name) throws IOException {
        Path directory = Path.of(System.getProperty("e2e.screenshots"));
        Files.createDirectories(directory);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    /** Opens the account menu in the header (the caller's name) and follows one of its entries. */
    Browser fromAccountMenu(By entry) {
        click(By.cssSelector("#account-menu > summary"));
        return click(entry);
    }

    /** Logs out as a person does: account menu, "Log out"; waits for the home page. */
    Browser logOut() {
        fromAccountMenu(By.id("nav-logout"));
        wait.until(d -> currentPath().startsWith("/index.xhtml"));
        return this;
    }

    /** The elements there are now, without waiting for any. */
    List<WebElement> findAll(By target) {
        return driver.findElements(target);
    }

    /** The session cookie, for a plain HTTP client that acts within this browser's session. */
    String sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
