using System.Text.RegularExpressions;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

/// <summary>
/// The README guides: it stays short (the rest goes to docs/), it opens with the two commands, and no link of it or of
/// the pages it leads to points at a file or a heading that is not there.
/// </summary>
public sealed partial class ReadmeTests
{
    public const int MostLines = 200;

    private static string Readme => Path.Combine(Repository.Root, "README.md");

    /// <summary>The README, every page of docs/ and the benches' README.</summary>
    public static TheoryData<string> Pages() =>
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Select(f => Path.GetRelativePath(Repository.Root, f)).Order(StringComparer.Ordinal),
        Path.Combine("bench", "README.md"),
        "CHANGELOG.md",
    ];

    [Fact]
    public void Given_the_changelog_Then_its_newest_release_is_the_version_the_build_carries()
    {
        var version = Regex.Match(File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props")), @"<Version>(\d+)\.(\d+)\.0</Version>");
        Assert.True(version.Success, "Directory.Build.props has no <Version>N.M.0</Version>");
        var newest = Regex.Match(File.ReadAllText(Path.Combine(Repository.Root, "CHANGELOG.md")), @"^## v(\d+)\.(\d+) \(\d{4}-\d{2}-\d{2}\)$", RegexOptions.Multiline);
        Assert.True(newest.Success, "CHANGELOG.md has no release heading '## v0.N (YYYY-MM-DD)'");
        Assert.Equal($"{version.Groups[1].Value}.{version.Groups[2].Value}", $"{newest.Groups[1].Value}.{newest.Groups[2].Value}");
    }

    [Fact]
    public void Given_the_README_Then_it_is_at_most_200_lines()
    {
        var lines = File.ReadAllLines(Readme).Length;
        Assert.True(lines <= MostLines, $"README.md has {lines} lines, more than {MostLines}: move what does not guide a newcomer to docs/ (docs/README.md lists the pages).");
    }

    [Fact]
    public void Given_the_README_Then_its_first_code_block_is_the_two_commands()
    {
        var block = CodeBlocks(File.ReadAllText(Readme)).FirstOrDefault();
        Assert.NotNull(block);
        // What a line says, without the comment after it.
        var commands = block.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal(["dotnet run --project host", "dotnet test"], commands);
    }

    [Fact]
    public void Given_the_docs_folder_Then_its_contents_list_every_page()
    {
        var contents = File.ReadAllText(Path.Combine(Repository.Root, "docs", "README.md"));
        var listed = Links(contents).Select(l => l.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Select(Path.GetFileName)
            .Where(f => f != "README.md");
        Assert.All(pages, page => Assert.True(listed.Contains(page!), $"docs/README.md does not list {page}"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Given_a_page_Then_every_relative_link_points_at_a_file_that_exists(string page)
    {
        var path = Path.Combine(Repository.Root, page);
        var broken = RelativeLinks(path)
            .Where(l => l.File is not null && !File.Exists(l.File) && !Directory.Exists(l.File))
            .Select(l => l.Link)
            .ToList();
        Assert.True(broken.Count == 0, $"{page} links to what does not exist: {string.Join(", ", broken)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Given_a_page_Then_every_link_to_a_heading_finds_it(string page)
    {
        var path = Path.Combine(Repository.Root, page);
        var broken = RelativeLinks(path)
            .Where(l => l.Anchor is not null && (l.File ?? path).EndsWith(".md", StringComparison.Ordinal) && File.Exists(l.File ?? path))
            .Where(l => !Anchors(File.ReadAllText(l.File ?? path)).Contains(l.Anchor!))
            .Select(l => l.Link)
            .ToList();
        Assert.True(broken.Count == 0, $"{page} links to headings that are not there: {string.Join(", ", broken)}");
    }

    private sealed record RelativeLink(string Link, string? File, string? Anchor);

    /// <summary>The page's links that stay in the repository: the file each names (null: the page itself) and its heading.</summary>
    private static IEnumerable<RelativeLink> RelativeLinks(string page)
    {
        foreach (var link in Links(File.ReadAllText(page)))
        {
            if (UriScheme().IsMatch(link))
            {
                continue;
            }
            var hash = link.IndexOf('#');
            var target = hash < 0 ? link : link[..hash];
            var anchor = hash < 0 ? null : link[(hash + 1)..];
            var file = target.Length == 0 ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(target)));
            yield return new RelativeLink(link, file, anchor);
        }
    }

    /// <summary>The targets of a page's links and images, outside code.</summary>
    private static IEnumerable<string> Links(string markdown) =>
        LinkTarget().Matches(InlineCode().Replace(Fence().Replace(markdown, ""), "")).Select(m => m.Groups["target"].Value);

    private static IEnumerable<string> CodeBlocks(string markdown) =>
        Fence().Matches(markdown).Select(m => m.Groups["body"].Value);

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        Fence().Replace(markdown, "").Split('\n')
            .Where(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#').Trim().ToLowerInvariant())
            .Select(h => NotInAnchor().Replace(h, "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^ {0,3}```[^\n]*\n(?<body>.*?)^ {0,3}```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"[^\p{L}\p{Nd} _-]")]
    private static partial Regex NotInAnchor();
}
