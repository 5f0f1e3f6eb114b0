<?php
// Prints, as JSON, the web services a Moodle plugin declares in db/services.php with the parameter and return
// structures its external classes build. Runs outside Moodle: Moodle's external_* description classes are
// replaced by minimal recorders of what they are given (they only describe shapes, they do no work).
//
// Usage: php describe-external-functions.php <plugin folder> <frankenstyle component>

if ($argc !== 3) {
    fwrite(STDERR, "usage: php describe-external-functions.php <plugin folder> <component>\n");
    exit(2);
}
[, $plugindir, $component] = $argv;
$plugindir = rtrim($plugindir, '/');

define('MOODLE_INTERNAL', true);
foreach (['PARAM_INT', 'PARAM_RAW', 'PARAM_BOOL', 'PARAM_FLOAT', 'PARAM_TEXT', 'PARAM_ALPHANUMEXT', 'PARAM_ALPHA',
        'PARAM_URL', 'PARAM_RAW_TRIMMED', 'PARAM_NOTAGS'] as $param) {
    define($param, strtolower(substr($param, 6)));
}
define('VALUE_REQUIRED', 1);
define('VALUE_OPTIONAL', 2);
define('VALUE_DEFAULT', 0);
define('NULL_NOT_ALLOWED', false);
define('NULL_ALLOWED', true);

// The require_once targets of the plugin's external classes, as empty files.
$root = sys_get_temp_dir() . '/describe-external-' . getmypid();
@mkdir($root . '/lib', 0700, true);
@mkdir($root . '/mod/scorm', 0700, true);
touch($root . '/lib/externallib.php');
touch($root . '/mod/scorm/locallib.php');
touch($root . '/lib/filelib.php');
touch($root . '/lib/adminlib.php');
$CFG = (object) ['libdir' => $root . '/lib', 'dirroot' => $root];
register_shutdown_function(function() use ($root) {
    foreach (['lib/externallib.php', 'mod/scorm/locallib.php', 'lib/filelib.php', 'lib/adminlib.php'] as $f) {
        @unlink("$root/$f");
    }
    @rmdir("$root/mod/scorm");
    @rmdir("$root/mod");
    @rmdir("$root/lib");
    @rmdir($root);
});

abstract class external_description {
    abstract public function describe(): array;
}
class external_value extends external_description {
    public function __construct(private $type, private $desc = '', private $required = VALUE_REQUIRED,
            private $default = null, private $allownull = NULL_ALLOWED) {
    }
    public function describe(): array {
        $out = ['kind' => 'value', 'type' => $this->type, 'required' => $this->required === VALUE_REQUIRED];
        if ($this->required === VALUE_DEFAULT) {
            $out['default'] = $this->default;
        }
        return $out;
    }
}
class external_single_structure extends external_description {
    public function __construct(private array $keys = [], private $desc = '', private $required = VALUE_REQUIRED) {
    }
    public function describe(): array {
        $fields = [];
        foreach ($this->keys as $name => $value) {
            $fields[$name] = $value->describe();
        }
        return ['kind' => 'object', 'fields' => (object) $fields, 'required' => $this->required === VALUE_REQUIRED];
    }
}
class external_function_parameters extends external_single_structure {
}
class external_multiple_structure extends external_description {
    public function __construct(private external_description $content, private $desc = '',
            private $required = VALUE_REQUIRED) {
    }
    public function describe(): array {
        return ['kind' => 'list', 'of' => $this->content->describe(), 'required' => $this->required === VALUE_REQUIRED];
    }
}
abstract class external_api {
}

spl_autoload_register(function(string $class) use ($plugindir, $component) {
    $prefix = $component . '\\';
    if (strpos($class, $prefix) === 0) {
        $file = $plugindir . '/classes/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require_once($file);
        }
    }
});

$functions = [];
require($plugindir . '/db/services.php');
$out = [];
foreach ($functions as $name => $info) {
    $class = '\\' . ltrim($info['classname'], '\\');
    $method = $info['methodname'] ?? 'execute';
    $out[$name] = [
        'classname' => ltrim($info['classname'], '\\'),
        'methodname' => $method,
        'ajax' => !empty($info['ajax']),
        'type' => $info['type'] ?? null,
        'capabilities' => $info['capabilities'] ?? '',
        'parameters' => call_user_func([$class, $method . '_parameters'])->describe(),
        'returns' => call_user_func([$class, $method . '_returns'])->describe(),
    ];
}
echo json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
