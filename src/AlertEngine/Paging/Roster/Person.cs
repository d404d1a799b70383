namespace AlertEngine.Paging.Roster;

/// <summary>
/// Someone who can be paged, from <c>rules/oncall.yaml</c>: an id used everywhere else in the
/// roster, a display name, an E.164 phone number, the language of their pages and the channels
/// they accept (in the order given).
/// </summary>
public sealed record Person(string Id, string Name, string Phone, PageLanguage Language, IReadOnlyList<PageChannel> Channels);
