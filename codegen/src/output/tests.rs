//! The output stage's own tests: comparing, staging, committing, and the guards.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::sink::COMPARE_BLOCK;
use super::*;
use crate::emit::TextOut as _;

/// Brings each of `files`, relative to `out_dir`, up to date (or checks it) as
/// [`Config::run`](crate::Config::run) does: stage them all, commit, then deal with the
/// leftovers in each crate folder (a path's first component).
fn sync(out_dir: &Path, files: &[GeneratedFile], mode: Mode) -> Result<Vec<FileOutcome>, IoError> {
    let mut outcomes = Vec::new();
    let mut staged = Vec::new();
    for file in files {
        let (outcome, file_staged) = sync_one(out_dir, file, mode)?;
        outcomes.push(outcome);
        staged.extend(file_staged);
    }
    commit(staged).map_err(|e| e.error)?;
    let paths: Vec<&Path> = files.iter().map(|file| file.path.as_path()).collect();
    let mut crate_dirs: Vec<&Path> = paths
        .iter()
        .filter(|path| path.components().count() > 1)
        .filter_map(|path| path.components().next())
        .map(|c| Path::new(c.as_os_str()))
        .collect();
    crate_dirs.dedup();
    for crate_dir in crate_dirs {
        outcomes.extend(leftovers(out_dir, crate_dir, &paths, mode, "gen")?);
    }
    Ok(outcomes)
}

fn file(path: &str, contents: &str) -> GeneratedFile {
    GeneratedFile {
        path: PathBuf::from(path),
        contents: contents.to_owned(),
    }
}

#[test]
fn writes_only_changed_files_and_checks_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let files = [file("c/a.txt", "one\n"), file("c/b.txt", "two\n")];

    let first = sync(dir.path(), &files, Mode::Write).unwrap();
    assert!(first.iter().all(|o| o.state == FileState::Written));

    let second = sync(dir.path(), &files, Mode::Write).unwrap();
    assert!(second.iter().all(|o| o.state == FileState::Unchanged));

    let changed = [file("c/a.txt", "one\n"), file("c/b.txt", "TWO\n")];
    let check = sync(dir.path(), &changed, Mode::Check).unwrap();
    assert_eq!(check[0].state, FileState::Unchanged);
    let FileState::Stale { diff } = &check[1].state else {
        panic!("b.txt should be stale: {check:?}");
    };
    assert!(diff.contains("-two") && diff.contains("+TWO"), "{diff}");
    assert_eq!(
        fs::read_to_string(dir.path().join("c/b.txt")).unwrap(),
        "two\n"
    );
}

/// Streams `text` into `name` under `dir` in pieces of `piece` bytes.
fn stream(dir: &Path, name: &str, text: &str, piece: usize, mode: Mode) -> FileState {
    let write = |sink: &mut FileSink| {
        let mut rest = text;
        while !rest.is_empty() {
            let mut at = rest.len().min(piece);
            while !rest.is_char_boundary(at) {
                at += 1;
            }
            sink.push_text(&rest[..at]);
            rest = &rest[at..];
        }
    };
    let (outcome, staged) =
        stream_one(dir, Path::new(name), mode, write, || text.to_owned()).unwrap();
    commit(staged.into_iter().collect()).unwrap();
    outcome.state
}

#[test]
fn a_streamed_file_is_written_from_its_first_difference_and_only_then() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.txt");
    let text: String = (0..3 * COMPARE_BLOCK / 10)
        .map(|i| format!("{i:09}\n"))
        .collect();
    assert_eq!(
        stream(dir.path(), "f.txt", &text, 1000, Mode::Write),
        FileState::Written
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    for piece in [1, 7, 1000, COMPARE_BLOCK + 3, text.len()] {
        assert_eq!(
            stream(dir.path(), "f.txt", &text, piece, Mode::Write),
            FileState::Unchanged
        );
    }
    let middle = text.replacen("000050000", "changed!!", 1);
    assert_ne!(middle, text);
    let shorter = &text[..text.len() - 10];
    let longer = format!("{text}more\n");
    for (new, piece) in [
        (middle.as_str(), 777),
        (shorter, 4096),
        (longer.as_str(), 1),
        ("", 1),
    ] {
        assert_eq!(
            stream(dir.path(), "f.txt", new, piece, Mode::Check),
            FileState::Stale {
                diff: diff::short_diff(Some(&fs::read_to_string(&path).unwrap()), new),
            }
        );
        assert_eq!(
            stream(dir.path(), "f.txt", new, piece, Mode::Write),
            FileState::Written
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), new);
        assert_eq!(
            stream(dir.path(), "f.txt", &text, piece, Mode::Write),
            FileState::Written
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
    }
    assert_eq!(
        stream(dir.path(), "new/g.txt", "x", 1, Mode::Check),
        FileState::Stale {
            diff: "    (the file does not exist)\n".to_owned()
        }
    );
    assert!(
        !dir.path().join("new").exists(),
        "check mode creates nothing"
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["f.txt"], "no temporary file is left behind");
}

#[test]
fn check_reports_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let check = sync(dir.path(), &[file("x.txt", "x")], Mode::Check).unwrap();
    assert!(matches!(check[0].state, FileState::Stale { .. }));
    assert!(!dir.path().join("x.txt").exists());
}

#[test]
fn an_interrupted_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.rs");
    fs::write(&path, "old contents\n").unwrap();
    let result = replace_file(&path, |file| {
        file.write_all(b"half of the new")?;
        Err(io::Error::other("interrupted"))
    });
    assert!(result.is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), "old contents\n");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn source_files_no_longer_generated_are_flagged_then_removed() {
    let dir = tempfile::tempdir().unwrap();
    let both = [
        file("c/src/lib.rs", "// @generated by `gen` from c.yaml\nlib"),
        file(
            "c/src/envelopes.rs",
            "// @generated by `gen` from c.yaml\nenv",
        ),
    ];
    sync(dir.path(), &both, Mode::Write).unwrap();
    std::fs::write(dir.path().join("c/src/notes.txt"), "mine").unwrap();
    std::fs::write(dir.path().join("c/src/mine.rs"), "// by hand\n").unwrap();
    let only_lib = [file(
        "c/src/lib.rs",
        "// @generated by `gen` from c.yaml\nlib",
    )];

    let check = sync(dir.path(), &only_lib, Mode::Check).unwrap();
    assert_eq!(check.len(), 2);
    assert!(check[1].path.ends_with("envelopes.rs"));
    assert!(matches!(check[1].state, FileState::Stale { .. }));
    assert!(
        dir.path().join("c/src/envelopes.rs").exists(),
        "check mode writes nothing"
    );

    let write = sync(dir.path(), &only_lib, Mode::Write).unwrap();
    assert_eq!(write[1].state, FileState::Removed);
    assert!(!dir.path().join("c/src/envelopes.rs").exists());
    assert!(
        dir.path().join("c/src/notes.txt").exists() && dir.path().join("c/src/mine.rs").exists(),
        "only files with the generator's header are removed"
    );
}

#[test]
fn leaves_no_temporary_files_behind() {
    let dir = tempfile::tempdir().unwrap();
    write_atomically(&dir.path().join("f.txt"), b"data").unwrap();
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["f.txt"]);
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_equal_prefix_comes_from_the_file_opened_at_the_start() {
    // Another run renames its own file over the path after this one has compared the
    // first half: this run's file must still be whole and its own.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.rs");
    fs::write(&path, "same start|old end").unwrap();
    let mut sink = FileSink::new(&path, Mode::Write).unwrap();
    sink.push_text("same start|");
    let other = dir.path().join("other");
    fs::write(&other, "OTHER RUN'S FILE, LONGER THAN THE PREFIX").unwrap();
    fs::rename(&other, &path).unwrap();
    sink.push_text("new end");
    let Ok(sink::Streamed::Staged(temporary)) = sink.finish() else {
        panic!("the file differs, so it is staged");
    };
    temporary.put_in_place(&path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "same start|new end");
}

#[cfg(unix)]
#[test]
fn a_rewritten_file_keeps_its_mode_and_a_new_one_gets_the_umasks() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let mode_of = |name: &str| {
        fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o7777
    };
    // What the umask lets a new file have, as `File::create` makes it.
    fs::File::create(dir.path().join("by-hand")).unwrap();
    let umasked = mode_of("by-hand");

    sync(dir.path(), &[file("new.txt", "new\n")], Mode::Write).unwrap();
    assert_eq!(mode_of("new.txt"), umasked);

    for mode in [0o640, 0o755, 0o600] {
        let kept = dir.path().join("kept.txt");
        fs::write(&kept, format!("old {mode:o}\n")).unwrap();
        fs::set_permissions(&kept, fs::Permissions::from_mode(mode)).unwrap();
        sync(dir.path(), &[file("kept.txt", "new\n")], Mode::Write).unwrap();
        assert_eq!(fs::read_to_string(&kept).unwrap(), "new\n");
        assert_eq!(
            mode_of("kept.txt"),
            mode,
            "a rewrite keeps the mode {mode:o}"
        );
    }
    write_atomically(&dir.path().join("kept.txt"), b"again").unwrap();
    assert_eq!(mode_of("kept.txt"), 0o600);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_on_the_way_is_refused_and_nothing_it_points_at_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let precious = elsewhere.path().join("precious.rs");
    let header = "// @generated by `gen` from c.yaml\n";
    fs::write(&precious, format!("{header}someone else's")).unwrap();
    fs::create_dir(dir.path().join("c")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("c/src")).unwrap();

    for mode in [Mode::Check, Mode::Write] {
        let error = sync(dir.path(), &[file("c/src/lib.rs", header)], mode).unwrap_err();
        assert_eq!(error.path, dir.path().join("c/src"));
        assert!(
            error.source.to_string().contains("symbolic link"),
            "{error:?}"
        );
    }
    // Nor does the clean-up of leftovers go through it.
    let outcomes = leftovers(dir.path(), Path::new("c"), &[], Mode::Write, "gen").unwrap();
    assert_eq!(outcomes, []);
    assert_eq!(names(elsewhere.path()), ["precious.rs"]);

    // A link in place of the crate folder, or of the file itself, is refused too.
    fs::remove_file(dir.path().join("c/src")).unwrap();
    std::os::unix::fs::symlink(&precious, dir.path().join("c/lib.rs")).unwrap();
    let error = sync(dir.path(), &[file("c/lib.rs", "new")], Mode::Write).unwrap_err();
    assert_eq!(error.path, dir.path().join("c/lib.rs"));
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("d")).unwrap();
    let error = leftovers(dir.path(), Path::new("d"), &[], Mode::Write, "gen").unwrap_err();
    assert_eq!(error.path, dir.path().join("d"));
    assert_eq!(
        fs::read_to_string(&precious).unwrap(),
        format!("{header}someone else's")
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_folder_at_an_output_path_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe"))
        .status()
        .unwrap();
    assert!(made.success());
    fs::create_dir(dir.path().join("folder")).unwrap();
    // Run where a hang fails the test instead of stopping the suite.
    let (done, outcome) = std::sync::mpsc::channel();
    let out_dir = dir.path().to_path_buf();
    std::thread::spawn(move || {
        for name in ["pipe", "folder"] {
            let result = sync(&out_dir, &[file(name, "x")], Mode::Write);
            done.send(result.map(|_| ()).unwrap_err()).unwrap();
        }
    });
    for name in ["pipe", "folder"] {
        let error = outcome
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("gen does not wait on a special file");
        assert_eq!(error.path, dir.path().join(name));
        assert!(
            error.source.to_string().contains("not a regular file"),
            "{error:?}"
        );
    }
}

#[test]
fn abandoned_temporary_files_are_reported_then_removed() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("c/src")).unwrap();
    // No process has this id: Linux's ids stop at 2^22.
    let abandoned = ".errcat-4194999-x1y2z3.tmp";
    let ours = format!(".errcat-{}-a1b2c3.tmp", std::process::id());
    for name in [abandoned, ours.as_str(), ".gen-unrelated.tmp"] {
        fs::write(dir.path().join("c/src").join(name), "half a file").unwrap();
    }
    let lib = file("c/src/lib.rs", "// @generated by `gen` from c.yaml\n");

    let check = sync(dir.path(), std::slice::from_ref(&lib), Mode::Check).unwrap();
    let stale: Vec<_> = check
        .iter()
        .filter(|o| o.path.ends_with(abandoned))
        .map(|o| &o.state)
        .collect();
    assert_eq!(
        stale,
        [&FileState::Stale {
            diff: "    (a temporary file an interrupted run left; `gen` removes it)\n".to_owned()
        }]
    );
    assert!(dir.path().join("c/src").join(abandoned).exists());

    let write = sync(dir.path(), std::slice::from_ref(&lib), Mode::Write).unwrap();
    assert!(write
        .iter()
        .any(|o| o.path.ends_with(abandoned) && o.state == FileState::Removed));
    assert_eq!(
        names(&dir.path().join("c/src")),
        [ours.as_str(), ".gen-unrelated.tmp", "lib.rs"],
        "a live run's temporary file and other people's files stay"
    );

    fs::write(dir.path().join(abandoned), "a lock, half written").unwrap();
    let found = abandoned_temporaries(dir.path(), Mode::Write, "gen").unwrap();
    assert_eq!(found.len(), 1);
    assert!(!dir.path().join(abandoned).exists());
}

#[test]
fn a_failed_commit_names_the_files_already_updated_and_leaves_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        file("a.txt", "new a"),
        file("b.txt", "new b"),
        file("c.txt", "new c"),
    ];
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(dir.path().join(name), "old").unwrap();
    }
    let staged: Vec<Staged> = files
        .iter()
        .map(|file| sync_one(dir.path(), file, Mode::Write).unwrap().1.unwrap())
        .collect();
    // Between staging and the rename, b.txt becomes a folder with something in it,
    // which no rename can replace.
    fs::remove_file(dir.path().join("b.txt")).unwrap();
    fs::create_dir_all(dir.path().join("b.txt/inside")).unwrap();

    let error = commit(staged).unwrap_err();
    assert_eq!(error.error.path, dir.path().join("b.txt"));
    assert_eq!(error.updated, [dir.path().join("a.txt")]);
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "new a"
    );
    assert_eq!(fs::read_to_string(dir.path().join("c.txt")).unwrap(), "old");
    assert_eq!(
        names(dir.path()),
        ["a.txt", "b.txt", "c.txt"],
        "no temporary file left"
    );
}

#[test]
fn removing_temporary_files_takes_away_what_a_run_has_staged() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("f.txt"), "old").unwrap();
    let (_, staged) = sync_one(dir.path(), &file("f.txt", "new"), Mode::Write).unwrap();
    assert_eq!(
        names(dir.path()).len(),
        2,
        "the new contents wait beside the file"
    );
    remove_live_temporaries(|path| path.starts_with(dir.path()));
    assert_eq!(names(dir.path()), ["f.txt"]);
    assert_eq!(fs::read_to_string(dir.path().join("f.txt")).unwrap(), "old");
    drop(staged);
}
