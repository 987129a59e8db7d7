using System.Globalization;
using System.IO.Compression;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>What an attachment of a monthly report or a problem is, judged by its content.</summary>
public enum AttachmentType
{
    Jpeg = 1,
    Png = 2,
    Pdf = 3,
    Docx = 4,
    Xlsx = 5,
    Pptx = 6,
}

/// <summary>
/// The attachment rules: which types are taken, how a type is recognised by its content, and the size limits.
/// </summary>
/// <remarks>
/// The type comes from the bytes (JPEG/PNG/PDF signatures; an Office file is a zip whose <c>[Content_Types].xml</c> names the
/// main part of a Word, Excel or PowerPoint document), never from the name; a name whose extension says another type is
/// refused. HEIC is recognised and refused: no package here decodes it (export the photo as JPEG). Every check throws
/// <see cref="ProjectRuleException"/> with the reason in Chinese and English, and runs before anything is stored.
/// </remarks>
public static class Attachments
{
    /// <summary>At most 20 MB (20 × 1024 × 1024 bytes) per file.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>At most 200 MB per project per year (the attachments of all its reports and problems of that year).</summary>
    public const long MaxProjectYearBytes = 200L * 1024 * 1024;

    private static readonly Dictionary<string, AttachmentType> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = AttachmentType.Jpeg,
        [".jpeg"] = AttachmentType.Jpeg,
        [".png"] = AttachmentType.Png,
        [".pdf"] = AttachmentType.Pdf,
        [".docx"] = AttachmentType.Docx,
        [".xlsx"] = AttachmentType.Xlsx,
        [".pptx"] = AttachmentType.Pptx,
    };

    /// <summary>The MIME type the file is served with.</summary>
    public static string ContentType(AttachmentType type) => type switch
    {
        AttachmentType.Jpeg => "image/jpeg",
        AttachmentType.Png => "image/png",
        AttachmentType.Pdf => "application/pdf",
        AttachmentType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentType.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/octet-stream",
    };

    /// <summary>True for the types that get a thumbnail and have their EXIF read.</summary>
    public static bool IsImage(AttachmentType type) => type is AttachmentType.Jpeg or AttachmentType.Png;

    /// <summary>
    /// The type of <paramref name="content"/> named <paramref name="fileName"/>; throws when it is empty, too large, of a type
    /// not taken, or of a type its extension contradicts.
    /// </summary>
    public static AttachmentType Check(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName.Trim());
        if (content.Length == 0)
        {
            throw Refuse($"{name}是空文件", $"{name} is empty");
        }

        CheckSize(name, content.LongLength);
        var detected = Detect(content);
        if (detected is null && IsHeic(content))
        {
            throw Refuse(
                $"{name}是HEIC照片,本系统无法解码;请在手机上导出为JPEG后再上传",
                $"{name} is a HEIC photo, which cannot be decoded here; export it as JPEG and upload that");
        }

        if (detected is not { } type)
        {
            throw Refuse(
                $"{name}的内容不是可接受的类型(JPEG、PNG、PDF、Word docx、Excel xlsx、PowerPoint pptx)",
                $"the content of {name} is not an accepted type (JPEG, PNG, PDF, Word docx, Excel xlsx, PowerPoint pptx)");
        }

        var extension = Path.GetExtension(name);
        if (!Extensions.TryGetValue(extension, out var named) || named != type)
        {
            var ext = extension.Length == 0 ? "(无扩展名)" : extension;
            throw Refuse(
                $"{name}的内容是{type},与扩展名{ext}不符",
                $"the content of {name} is {type}, which disagrees with its extension {(extension.Length == 0 ? "(none)" : extension)}");
        }

        return type;
    }

    /// <summary>Throws when a file of <paramref name="length"/> bytes passes <see cref="MaxFileBytes"/> (callers check before reading it whole).</summary>
    public static void CheckSize(string fileName, long length)
    {
        if (length > MaxFileBytes)
        {
            var name = Path.GetFileName(fileName);
            throw Refuse(
                $"{name}有{Megabytes(length)}MB,超过单个附件上限20MB",
                $"{name} is {Megabytes(length)} MB, above the 20 MB limit for one attachment");
        }
    }

    /// <summary>
    /// Throws when adding <paramref name="adding"/> bytes to a project whose attachments of <paramref name="year"/> already take
    /// <paramref name="stored"/> bytes would pass <see cref="MaxProjectYearBytes"/>.
    /// </summary>
    public static void CheckYearTotal(string projectCode, int year, long stored, long adding)
    {
        if (stored + adding > MaxProjectYearBytes)
        {
            throw Refuse(
                $"项目{projectCode}{year}年的附件已有{Megabytes(stored)}MB,再加{Megabytes(adding)}MB将超过每个项目每年200MB的上限",
                $"project {projectCode} already has {Megabytes(stored)} MB of attachments in {year}; {Megabytes(adding)} MB more would pass the 200 MB limit per project per year");
        }
    }

    /// <summary>The type the bytes carry, or null when none of the accepted signatures matches.</summary>
    public static AttachmentType? Detect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ReadOnlySpan<byte> b = content;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return AttachmentType.Jpeg;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return AttachmentType.Png;
        }

        if (b.StartsWith("%PDF-"u8))
        {
            return AttachmentType.Pdf;
        }

        return b.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) ? OfficeType(content) : null;
    }

    private static bool IsHeic(ReadOnlySpan<byte> b) =>
        b.Length >= 12 && b.Slice(4, 4).SequenceEqual("ftyp"u8)
        && (b.Slice(8, 4).SequenceEqual("heic"u8) || b.Slice(8, 4).SequenceEqual("heix"u8)
            || b.Slice(8, 4).SequenceEqual("mif1"u8) || b.Slice(8, 4).SequenceEqual("heif"u8));

    private static AttachmentType? OfficeType(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > 1024 * 1024)
            {
                return null;
            }

            using var reader = new StreamReader(entry.Open());
            var types = reader.ReadToEnd();
            return types.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal) ? AttachmentType.Docx
                : types.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal) ? AttachmentType.Xlsx
                : types.Contains("presentationml.presentation.main+xml", StringComparison.Ordinal) ? AttachmentType.Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024m * 1024m)).ToString("0.#", CultureInfo.InvariantCulture);

    private static ProjectRuleException Refuse(string zh, string en) => new(new Bilingual(zh, en));
}
