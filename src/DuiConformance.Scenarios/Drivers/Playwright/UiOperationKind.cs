namespace DuiConformance.Scenarios.Drivers.Playwright;

/// <summary>The primitive browser operations a UI map may use; locators are by role, label, text or test id only.</summary>
public enum UiOperationKind
{
    /// <summary>Navigate to a path relative to the SUT's base address.</summary>
    Goto,

    /// <summary>Type a value into the field with this label.</summary>
    Fill,

    /// <summary>Choose an option (by value) in the select with this label.</summary>
    Select,

    /// <summary>Tick the checkbox with this label.</summary>
    Check,

    /// <summary>Click the element with this ARIA role and accessible name.</summary>
    Click,

    /// <summary>Wait until this text is visible on the page.</summary>
    ExpectText,

    /// <summary>
    /// Wait until a status message (ARIA role <c>status</c>) holding this text is visible: the answer to the action just
    /// done, never the same words left in a history table by an earlier one.
    /// </summary>
    ExpectStatus,

    /// <summary>Read the text of the element with this test id into a scenario variable.</summary>
    Read,
}
