"""Member text: light markdown in, only safe HTML out."""

from core.sanitize import render_markdown


def test_markdown_becomes_basic_html():
    html = render_markdown("Some **strong** and *soft* words.\n\n- one\n- two")

    assert "<strong>strong</strong>" in html
    assert "<em>soft</em>" in html
    assert "<ul>" in html
    assert "<li>one</li>" in html


def test_script_elements_are_removed():
    html = render_markdown("Hello <script>alert(1)</script> there")

    assert "<script" not in html
    assert "alert(1)" not in html
    assert "Hello" in html


def test_event_handler_attributes_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> <p onclick="alert(2)">Hi</p>')

    assert "onerror" not in html
    assert "onclick" not in html
    assert "<img" not in html
    assert "Hi" in html


def test_javascript_links_lose_their_href():
    html = render_markdown('[click me](javascript:alert(1)) and <a href="JaVaScRiPt:alert(2)">me too</a>')

    assert "javascript:" not in html.lower()
    assert "click me" in html
    assert "me too" in html


def test_web_links_are_kept_and_marked_as_user_content():
    html = render_markdown("[a guide](https://example.org/guide)")

    assert 'href="https://example.org/guide"' in html
    assert 'rel="nofollow ugc noopener"' in html


def test_style_and_iframe_are_removed():
    html = render_markdown('<style>body{}</style><iframe src="https://evil.example/"></iframe>Text')

    assert "<style" not in html
    assert "<iframe" not in html
    assert "Text" in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
